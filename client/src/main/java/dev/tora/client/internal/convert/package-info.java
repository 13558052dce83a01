/**
 * Checks and conversions of what callers pass in, made at the call; internal to the client, not
 * an API.
 */
package dev.tora.client.internal.convert;
