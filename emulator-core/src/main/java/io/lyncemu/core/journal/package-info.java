/**
 * The event journal: every protocol-visible action (HTTP exchange, authentication step, session,
 * instant message, configuration change, fault) is a structured {@link
 * io.lyncemu.core.journal.JournalEvent}. Tests assert on it, await it without polling, and export
 * it as JSON lines or (for HTTP) HAR 1.2.
 */
package io.lyncemu.core.journal;
