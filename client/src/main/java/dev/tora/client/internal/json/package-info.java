/**
 * Compact JSON written into byte arrays and a strict reader; internal to the client, not an API.
 */
package dev.tora.client.internal.json;
