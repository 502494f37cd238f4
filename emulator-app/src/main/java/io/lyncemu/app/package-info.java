/**
 * The composition root: the embedding API, the CLI, the admin API and the synthetic transactions.
 */
package io.lyncemu.app;
