"""Dates are typed and shown day-first, month-first is never guessed, times name their zone."""

import datetime

import pytest
import time_machine
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from press.models import PressRelease

INLINES = {
    f"{name}-{key}": value
    for name in ("photos", "attachments")
    for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01/12/2026", datetime.date(2026, 12, 1)),
        ("20/12/2024", datetime.date(2024, 12, 20)),
        ("2026-12-01", datetime.date(2026, 12, 1)),
        ("1/12/2026", datetime.date(2026, 12, 1)),
    ],
)
def test_dates_are_read_day_first_in_both_languages(language, typed, expected):
    with override(language):
        assert forms.DateField().clean(typed) == expected


@pytest.mark.parametrize("language", ["vi", "en"])
def test_date_and_time_typed_day_first(language):
    with override(language):
        moment = forms.DateTimeField().clean("01/12/2026 14:30")
        split = forms.SplitDateTimeField().clean(["20/12/2024", "09:05"])
    assert (moment.day, moment.month, moment.hour, moment.minute) == (1, 12, 14, 30)
    assert (split.day, split.month, split.hour, split.minute) == (20, 12, 9, 5)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Nhập ngày theo dạng NN/TT/NNNN, ví dụ 20/12/2026 (hoặc 2026-12-20)."),
        ("en", "Enter the date as DD/MM/YYYY, for example 20/12/2026 (or 2026-12-20)."),
    ],
)
def test_a_month_first_date_is_an_error_showing_the_expected_form(language, message):
    with override(language):
        with pytest.raises(forms.ValidationError) as caught:
            forms.DateField().clean("12/31/2026")
        assert caught.value.messages == [message]


@time_machine.travel(datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_embargo_typed_day_first_in_the_vietnamese_admin_stays_embargoed(admin_client, edition):
    response = admin_client.post(
        reverse("admin:press_pressrelease_add"),
        {
            "edition": edition.pk,
            "title_vi": "Thông cáo bí mật",
            "title_en": "Secret release",
            "slug": "bi-mat",
            "summary_vi": "Tóm tắt",
            "summary_en": "Summary",
            "body_vi": "<p>Nội dung</p>",
            "body_en": "<p>Body</p>",
            "publish_at_0": "01/12/2026",
            "publish_at_1": "10:00",
            **INLINES,
        },
        headers={"accept-language": "vi"},
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.publish_at == datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC)  # 10:00 UTC+7
    assert "Thông cáo bí mật" not in Client().get("/vi/press/").content.decode()


def test_an_unreadable_date_in_the_admin_is_refused_with_an_example(admin_client, edition):
    response = admin_client.post(
        reverse("admin:press_pressrelease_add"),
        {
            "edition": edition.pk,
            "title_vi": "X",
            "slug": "x",
            "publish_at_0": "12/31/2026",
            "publish_at_1": "25:00",
            **INLINES,
        },
        headers={"accept-language": "vi"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and not PressRelease.objects.exists()
    assert "ví dụ 20/12/2026" in html and "ví dụ 14:30" in html
    assert "Vui lòng sửa các lỗi dưới đây." in html
