/**
 * The {@code lyncemu} command line (picocli): {@code run}, {@code scenarios} and cmdlets forwarded
 * to a running emulator's admin API. Only {@link io.lyncemu.app.cli.Main} touches the process;
 * everything else takes a {@link io.lyncemu.app.cli.CliEnvironment}.
 */
package io.lyncemu.app.cli;
