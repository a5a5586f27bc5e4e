// Starts GraphiQL against this server's /query. The development admin's header (printed by
// the server at its first start) goes in the Headers tab, which is kept across reloads.
(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL("/query", window.location.href).toString() });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultQuery: "# Paste {\"Authorization\": \"Bearer flw_...\"} into the Headers tab below, then run:\n{\n  me { email role }\n  workflows(first: 5) { totalCount edges { node { name triggerType isActive } } }\n}\n",
  }));
})();
