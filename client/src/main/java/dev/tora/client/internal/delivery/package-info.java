/**
 * The columnar buffer of logged points and the sender thread that delivers them, in order;
 * internal to the client, not an API.
 */
package dev.tora.client.internal.delivery;
