"""The site, for the registration load only: each request's client address is taken from the
`X-Bench-Client` header, so wrk can play thousands of visitors, each within its own rate limits
(a real deployment gives REMOTE_ADDR from the proxy; see common/ratelimit.py). Never deployed."""

from config.wsgi import application as site


def application(environ, start_response):
    client = environ.get("HTTP_X_BENCH_CLIENT")
    if client:
        environ["REMOTE_ADDR"] = client
    return site(environ, start_response)
