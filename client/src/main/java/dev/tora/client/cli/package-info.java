/** The command line: {@code java -jar tora-client.jar sync}. */
package dev.tora.client.cli;
