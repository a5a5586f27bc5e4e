package app

import (
	"net/http"
	// Its init also registers the handlers on http.DefaultServeMux, which Flowline never
	// serves: they are reachable on PPROF_ADDR's own mux only.
	"net/http/pprof"
)

// pprofMux serves Go's profiler for PPROF_ADDR: a separate address, off by default, so the
// load tool and an operator can profile a running server without exposing it on the API.
func pprofMux() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}
