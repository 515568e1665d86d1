"""The visitor's companion: My visit (kept in the browser), the installable app shell
(manifest, service worker) and the printable plan of a visit."""
