/**
 * The MCX wire format of docs/mcx-protocol.md: requests parsed from a DOM (built by SafeXml, which
 * refuses DOCTYPEs and external entities) into {@link io.lyncemu.mcx.mobility.codec.McxRequest}
 * records, and answers written as UTF-8 bytes. The message set is emulator-defined and not
 * wire-compatible with real Lync 2010 Mobile.
 *
 * <p>Pure: JDK (DOM, StAX) and the mobility domain only, no Jetty types.
 */
package io.lyncemu.mcx.mobility.codec;
