/**
 * The UCWA subset Lync 2013 Mobile and web apps use (PROTOCOLS.md section 4, the public UCWA docs):
 * application create/delete, {@code me}, {@code makeMeAvailable}, presence, the event channel
 * (pending GET with {@code ack}), {@code messagingInvitations}, conversations and messages. {@link
 * io.lyncemu.mcx.ucwa.UcwaApplications} is the registry; {@link io.lyncemu.mcx.ucwa.UcwaJson} the
 * {@code application/vnd.microsoft.com.ucwa+json} codec.
 *
 * <p>Emulator choices, documented where they are made: incoming invitations are accepted
 * automatically; an application is reachable for messages once it called makeMeAvailable; it
 * expires after 15 minutes (emulator clock) without a request while no event GET is held.
 *
 * <p>Pure: JDK, Jackson and core only, no Jetty types.
 */
package io.lyncemu.mcx.ucwa;
