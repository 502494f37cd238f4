/**
 * What the emulator's sockets look like from the outside: the connection table behind the
 * netstat-like view administrators use on the Edge ({@code netstat -ano | findstr 5269}).
 */
package io.lyncemu.core.net;
