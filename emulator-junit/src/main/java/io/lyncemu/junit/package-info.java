/**
 * JUnit 5 support: {@link io.lyncemu.junit.LyncEmulatorTest} and {@link
 * io.lyncemu.junit.LyncEmulatorExtension} start an emulator on port 0 for a test class or method
 * and stop it afterwards. Depends on the app's embedding API only.
 */
package io.lyncemu.junit;
