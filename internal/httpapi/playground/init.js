// Starts GraphiQL against this server's /query. The development admin's header (printed by
// the server at its first start) goes in the Headers tab, which is kept across reloads.
(function () {
  // Subscriptions go over a WebSocket to the same /query (graphql-transport-ws); GraphiQL
  // sends the Headers tab as connection_init's payload, so the same token works for them.
  var url = new URL("/query", window.location.href);
  var ws = new URL(url.toString());
  ws.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({ url: url.toString(), subscriptionUrl: ws.toString() });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultQuery: "# Paste {\"Authorization\": \"Bearer flw_...\"} into the Headers tab below, then run:\n{\n  me { email role }\n  workflows(first: 5) { totalCount edges { node { name triggerType isActive } } }\n}\n",
  }));
})();
