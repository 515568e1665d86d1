"""bench/RESULTS.md is rewritten a section at a time (the batch jobs, the press kit): a section
replaced leaves every other section as it was, the next heading on a line of its own."""

from bench import report

RESULTS = """# Benchmark results

## Batch work at the design scale (issue 31)

| job | time |
| badges | 117.0 s |

## A phone on a weak network (issue 31)

LCP 1100 ms
"""


def test_a_section_is_replaced_alone_and_the_next_heading_keeps_its_line():
    new = "## Batch work at the design scale (issue 31)\n\n| job | time |\n| badges | 34.2 s |"
    text = report.replace_section(RESULTS, "## Batch work at the design scale (issue 31)", new)
    assert "34.2 s |\n\n## A phone on a weak network (issue 31)\n\nLCP 1100 ms" in text
    assert "117.0 s" not in text and text.startswith("# Benchmark results\n\n## Batch work")
    assert report.section(text, "## A phone on a weak network (issue 31)") == report.section(
        RESULTS, "## A phone on a weak network (issue 31)"
    )


def test_a_section_not_there_yet_is_added_at_the_end():
    text = report.replace_section(RESULTS, report.KIT_HEADING, report.KIT_HEADING + "\n\nkit 120 s\n")
    assert text.startswith(RESULTS.rstrip("\n")) and text.endswith("\n\n" + report.KIT_HEADING + "\n\nkit 120 s\n")
