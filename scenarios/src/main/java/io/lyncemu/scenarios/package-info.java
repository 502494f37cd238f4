/** The catalogue of scripted failure scenarios, shipped as YAML resources under scenarios/. */
package io.lyncemu.scenarios;
