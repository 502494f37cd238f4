/**
 * Scenarios: a named, documented failure (the symptom it reproduces, the topology changes as cmdlet
 * lines, the faults, and the synthetic-transaction result to expect), read from YAML by {@link
 * io.lyncemu.core.scenario.ScenarioLoader} and applied to or cleared from a running emulator by
 * {@link io.lyncemu.core.scenario.ScenarioRunner}.
 */
package io.lyncemu.core.scenario;
