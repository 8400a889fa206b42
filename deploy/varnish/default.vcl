# Manchette behind Varnish: the shared page cache, purged by tag (vmod xkey).
#
# Rendered by `python manage.py serve_site` into var/varnish/default.vcl: the
# double-braced names below are filled in (app servers, file server, purge
# clients). Varnish runs in the foreground with its working directory under
# var/varnish/ (-n), so no system configuration is read or changed.
#
# What is cached is what the app says (Cache-Control, manchette/core/pagecache/):
# a public page carries s-maxage and its tags in the xkey header. Everything
# else passes: other methods, the admin, editors (session cookie), readers
# with a pending message.
vcl 4.1;

import directors;
import std;
import var;
import xkey;

{{ backends }}

# Who may purge: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
{{ purgers }}
}

sub vcl_init {
    new app = directors.round_robin();
{{ director }}
    # The sequence number of the latest purge (see vcl_backend_response).
    var.global_set("purge_seq", "0");
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "An xkey header names the tags to purge"));
        }
        if (std.integer(req.http.X-Pagecache-Seq, 0) > std.integer(var.global_get("purge_seq"), 0)) {
            var.global_set("purge_seq", req.http.X-Pagecache-Seq);
        }
        return (synth(200, "Purged " + xkey.purge(req.http.xkey)));
    }
    unset req.http.X-Pagecache-Seq;
{{ files_route }}
    set req.backend_hint = app.backend();
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)" || req.url ~ "^/csrf/") {
        return (pass);
    }
    # Editors, readers who passed a page's password, readers with a message.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A public page is the same for every reader: analytics, consent and CSRF
    # cookies are dropped, so every reader shares one copy.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the app marked shareable: no Cache-Control means no.
    if (!beresp.http.Cache-Control || beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        return (deliver);
    }
    # Rendered before the latest purge started (the app checked its tags just
    # before sending it; a purge may have arrived since): not stored.
    if (beresp.http.X-Pagecache-Seq && std.integer(beresp.http.X-Pagecache-Seq, 0) < std.integer(var.global_get("purge_seq"), 0)) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.X-Pagecache-Seq;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
