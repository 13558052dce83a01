/**
 * The Java client of Tora: {@link dev.tora.client.ToraClient} creates or attaches runs, {@link
 * dev.tora.client.Run} logs points and changes the experiment. Everything outside this package and
 * {@code dev.tora.client.cli} is internal and may change without notice.
 */
package dev.tora.client;
