/**
 * Push notifications: the emulated push.lync.com clearing house and the APNS/MPNS sinks. Arrives
 * with issue 4; nothing is emulated here yet.
 */
package io.lyncemu.push;
