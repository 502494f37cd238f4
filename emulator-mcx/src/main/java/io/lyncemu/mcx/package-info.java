/**
 * The web-facing Front End services: autodiscover, the Web Ticket service, the Mobility Service
 * (MCX) and UCWA.
 */
package io.lyncemu.mcx;
