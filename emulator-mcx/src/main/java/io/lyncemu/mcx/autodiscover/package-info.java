/**
 * Lync autodiscover (lyncdiscover / lyncdiscoverinternal): the Root, User, Domain and OAuth User
 * resources of MS-OCDISCWS as the emulator serves them (PROTOCOLS.md section 1), built as {@link
 * io.lyncemu.mcx.autodiscover.AutodiscoverDocument}s from the live topology and rendered in the
 * three formats a client chooses with {@code Accept}: the XML {@code AutodiscoverResponse},
 * DataContract JSON (the default) and HAL JSON.
 *
 * <p>Pure: JDK (StAX), Jackson and core only, no Jetty types.
 */
package io.lyncemu.mcx.autodiscover;
