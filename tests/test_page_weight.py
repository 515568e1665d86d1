"""Budget (issue 29): every public page under 100 KB before images, HTML + CSS + JS compressed."""

import sys

from bench import weight


def test_every_public_page_weighs_under_100_kb_compressed(demo, client):
    paths = weight.public_paths(client)
    rows = weight.weigh(client, paths)
    sys.stdout.write("\n" + weight.table(rows) + "\n")

    assert len(paths) > 2 * len(weight.FIXED), "the sitemap gave no detail pages"
    assert [(path, status) for path, status, *_ in rows if status != 200] == []
    over = [(path, total) for path, _status, _html, _assets, total, _files in rows if total >= weight.BUDGET]
    assert over == []


def test_the_weight_counts_the_stylesheets_and_scripts_a_page_loads(demo, client):
    [(_path, status, html, assets, total, files)] = weight.weigh(client, ["/vi/"])

    assert status == 200
    assert any(url.endswith(".css") for url in files)
    assert any(url.endswith(".js") for url in files)
    assert html > 0 and assets == sum(files.values()) and total == html + assets
