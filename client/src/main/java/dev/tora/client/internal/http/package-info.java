/**
 * Requests to the server through the JDK HTTP client, answers, retries and backoff; internal to
 * the client, not an API.
 */
package dev.tora.client.internal.http;
