/** The shared java.nio transport of the rfc6455 server and client. */
module io.github.rfc6455.nio {
    requires io.github.rfc6455.core;
    exports io.github.rfc6455.nio;
}
