/**
 * The command line of {@code protocol-client.jar} ({@link io.github.rfc6455.client.cli.ClientMain}): the {@code chat}
 * client and the {@code autobahn} driver ({@link io.github.rfc6455.client.cli.AutobahnDriver}), which the conformance
 * kit also runs in process.
 */
package io.github.rfc6455.client.cli;
