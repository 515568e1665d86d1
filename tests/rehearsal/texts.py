"""What the rehearsal reads in pages, PDFs and mails: expected phrases per language, and the
checks applied to every message the SMTP server received."""

import re
import urllib.error

from tests.rehearsal.stage import get

PENDING = {"vi": "Bộ phận báo chí đang xét hồ sơ của bạn.", "en": "The press office is checking your application."}

# Common words of running text in each language (names of people and organisations may carry
# the other language's letters; these words belong to sentences, not names).
VIETNAMESE_WORDS = re.compile(
    r"\b(của|và|được|đã|bạn|kính gửi|tôi|trong|với|này|các|cho|là|không|thông tin)\b", re.IGNORECASE
)
ENGLISH_WORDS = re.compile(r"\b(the|your|and|with|please|press office|application|will|you)\b", re.IGNORECASE)
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
ADDRESS = re.compile(r"https?://\S+|\S+@\S+")


def glued(text):
    """Words run together: a lower-case letter followed directly by an upper-case one
    ("nhậnKính"), or a sentence's full stop glued to the next word ("sau.Kính")."""
    text = ADDRESS.sub(" ", text)
    for index in range(len(text) - 2):
        a, b, c = text[index : index + 3]
        if a.islower() and b.isupper() and c.islower():
            return repr(text[max(0, index - 30) : index + 30])
        if a.islower() and b == "." and c.isupper() and text[index + 3 : index + 4].islower():
            return repr(text[max(0, index - 30) : index + 30])
    return None


LINK = re.compile(r"https?://[^\s<>\"')]+")


def body_text(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def language_of(message):
    return (message["Content-Language"] or "").strip()


def mail_problems(item, stage):
    """What is wrong with one received message, as sentences (empty when nothing is)."""
    message = item["message"]
    name = item["path"].name
    text = body_text(message)
    subject = str(message["Subject"]).strip()
    problems = []
    language = language_of(message)
    if language not in ("vi", "en"):
        problems.append(f"{name}: no Content-Language vi/en ({language!r})")
    # Names of people and organisations may carry the other language's letters; the running text may not.
    own = f"{subject}\n{text}"
    # A release written in Vietnamese only is mailed in its original, its subject saying so.
    if language == "en" and "Vietnamese only" not in subject and VIETNAMESE_WORDS.search(own):
        problems.append(f"{name}: Vietnamese text in an English message: {context(own, VIETNAMESE_WORDS)}")
    if language == "vi" and len(ENGLISH_WORDS.findall(own)) > 2:
        problems.append(f"{name}: English words in a Vietnamese message: {ENGLISH_WORDS.findall(own)[:8]}")
    if ENTITY.search(subject + text):
        problems.append(f"{name}: HTML entity in the text: {context(subject + text, ENTITY)}")
    if glued(own):
        problems.append(f"{name}: glued words: {glued(own)}")
    links = LINK.findall(text)
    # Press mail always links to the site (status page, release, unsubscribe); delegations have
    # no public page, so their mail may have none.
    if not links and set(item["to"]) & set(getattr(stage, "press_addresses", ())):
        problems.append(f"{name}: no link")
    for link in links:
        if not link.startswith(stage.url):
            problems.append(f"{name}: link outside the site: {link}")
            continue
        try:
            get(link)
        except urllib.error.HTTPError as error:
            problems.append(f"{name}: {link} answered {error.code}")
    return problems


def context(text, pattern):
    match = pattern.search(text)
    return repr(text[max(0, match.start() - 40) : match.end() + 40])


def pdf_text(data: bytes, layout=False) -> str:
    """The PDF's text; without layout, every run of white space is one space (a name wrapped in
    a table cell reads whole)."""
    import subprocess

    # -raw: in the order it was written, so a cell's text reads whole (the default joins "29A-"
    # and "DEMO1" wrapped in a narrow column into "29ADEMO1").
    args = ["pdftotext", "-layout" if layout else "-raw", "-", "-"]
    text = subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode()
    return text if layout else " ".join(text.split())
