// Package netguard keeps outgoing HTTP requests made on behalf of workflows (SEND_WEBHOOK)
// away from internal addresses: loopback, private networks, link-local addresses including
// cloud metadata endpoints, and other special ranges (server-side request forgery).
//
// The check runs in the dialer's Control hook, on the IP address actually being dialled after
// DNS resolution, so DNS rebinding and redirects cannot slip past it: every connection,
// including each redirect hop, is checked. A Policy's allow-list lets tests and on-premise
// installations reach chosen private hosts on purpose.
package netguard
