"""The media area's interview requests (/<lang>/press/media/interviews/): behind the journalists' sign-in."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from exhibitors.models import Exhibitor
from meetings import interviews
from meetings.models import InterviewRequest
from press.factsheets import site_url
from press.media_auth import media_area


class InterviewForm(forms.ModelForm):
    exhibitor = forms.ModelChoiceField(
        queryset=Exhibitor.objects.none(), required=False, label=_("Exhibitor"), empty_label=_("— none —")
    )

    class Meta:
        model = InterviewRequest
        fields = ["with_kind", "exhibitor", "with_name", "topic", "languages", "wished_times"]
        widgets = {"topic": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "languages": _("e.g. English, Vietnamese"),
            "wished_times": _("e.g. 19/12 afternoon, or 20/12 09:00–11:00"),
        }

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exhibitor"].queryset = (
            Exhibitor.objects.filter(stands__edition=edition).distinct().order_by("name")
        )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("with_kind")
        if kind == InterviewRequest.With.EXHIBITOR and not cleaned.get("exhibitor"):
            self.add_error("exhibitor", _("Choose the exhibitor."))
        if kind == InterviewRequest.With.SPOKESPERSON and not cleaned.get("with_name", "").strip():
            self.add_error("with_name", _("Name the delegation."))
        if kind != InterviewRequest.With.EXHIBITOR:
            cleaned["exhibitor"] = None
        return cleaned


@require_http_methods(["GET", "HEAD", "POST"])
@media_area
def interview_list(request):
    journalist = request.journalist
    form = InterviewForm(request.POST or None, edition=journalist.edition)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                interviews.ask(accreditation=journalist, base_url=site_url(request), **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                return redirect("interviews:list")
        else:
            status = 400
    mine = journalist.interview_requests.select_related("exhibitor", "place").order_by("-created_at")
    context = {"form": form, "interviews": mine, "journalist": journalist, "edition": journalist.edition}
    return render(request, "press/media_area/interviews.html", context, status=status)
