// Package playground serves GraphiQL from the binary: the page, its script and the vendored
// GraphiQL and React builds (assets/, refreshed by vendor.sh, licences in LICENSES). Nothing
// is loaded from another site, so the playground works without a network.
package playground

import (
	"compress/gzip"
	"embed"
	"io"
	"net/http"
	"path"
	"strings"
)

var (
	//go:embed page.html
	pageHTML []byte
	//go:embed page.css
	pageCSS []byte
	//go:embed init.js
	initJS []byte
	//go:embed assets/*.gz
	vendored embed.FS
)

// securityPolicy lets the page load only this server's scripts and call only this server.
// GraphiQL sets inline styles, and its fonts and icons are data: URLs.
const securityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'"

// Page serves the playground page.
func Page() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", securityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		_, _ = w.Write(pageHTML)
	})
}

// Assets serves /playground/<file>: the page's own files, and the gzipped vendored builds
// (decompressed for a client that does not accept gzip).
func Assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Type", contentType(name))
		var own []byte
		switch name {
		case "init.js":
			own = initJS
		case "page.css":
			own = pageCSS
		}
		if own != nil {
			h.Set("Cache-Control", "no-cache")
			_, _ = w.Write(own)
			return
		}
		f, err := vendored.Open("assets/" + name + ".gz")
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		h.Set("Cache-Control", "public, max-age=86400")
		h.Add("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.Set("Content-Encoding", "gzip")
			_, _ = io.Copy(w, f)
			return
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			http.Error(w, "corrupt asset", http.StatusInternalServerError)
			return
		}
		_, _ = io.Copy(w, zr) //nolint:gosec // our own embedded, size-known files
	})
}

func contentType(name string) string {
	switch {
	case strings.HasSuffix(name, ".js"):
		return "text/javascript; charset=utf-8"
	case strings.HasSuffix(name, ".css"):
		return "text/css; charset=utf-8"
	}
	return "application/octet-stream"
}
