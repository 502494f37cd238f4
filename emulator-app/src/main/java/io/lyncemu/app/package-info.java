/**
 * The embedding API: {@link io.lyncemu.app.LyncEmulator}, its {@link io.lyncemu.app.PortPlan} and
 * scenario facade. Everything a test or another program needs to run an emulator in-process.
 */
package io.lyncemu.app;
