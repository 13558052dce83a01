/**
 * The disk spool of client/SPOOL.md: files, stream locks, replay and inventory; internal to the
 * client, not an API.
 */
package dev.tora.client.internal.spool;
