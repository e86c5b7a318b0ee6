package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Formatting then parsing gives the extensions back, whatever whitespace and quoting the text uses. */
class ExtensionHeaderProperties {
    @Property
    void parseInvertsFormat(@ForAll("offers") List<ExtensionOffer> offers) throws ExtensionSyntaxException {
        List<ExtensionOffer> parsed = ExtensionHeader.parse(List.of(ExtensionHeader.format(offers)));
        assertEquals(offers, parsed);
    }

    @Property
    void whitespaceQuotingAndEmptyElementsDoNotChangeTheResult(@ForAll("offers") List<ExtensionOffer> offers,
                                                               @ForAll("spaces") List<String> spaces)
            throws ExtensionSyntaxException {
        StringBuilder sb = new StringBuilder();
        int[] k = {0};
        java.util.function.Supplier<String> ws = () -> spaces.isEmpty() ? "" : spaces.get(k[0]++ % spaces.size());
        for (ExtensionOffer offer : offers) {
            sb.append(ws.get()).append(k[0] % 3 == 0 ? "," : "").append(ws.get()).append(',').append(ws.get());
            sb.append(offer.name()).append(ws.get());
            for (ExtensionParameter parameter : offer.parameters()) {
                sb.append(';').append(ws.get()).append(parameter.name()).append(ws.get());
                if (parameter.value() != null) {
                    String value = k[0] % 2 == 0 ? parameter.value() : '"' + parameter.value() + '"';
                    sb.append('=').append(ws.get()).append(value).append(ws.get());
                }
            }
        }
        assertEquals(offers, ExtensionHeader.parse(List.of(sb.toString())));
    }

    @Provide
    Arbitrary<List<ExtensionOffer>> offers() {
        Arbitrary<String> tokens = Arbitraries.strings().withChars("!#$%&'*+-.^_`|~09azAZ").ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<ExtensionParameter> parameters = Combinators.combine(tokens, tokens.injectNull(0.4))
                .as(ExtensionParameter::new);
        return Combinators.combine(tokens, parameters.list().ofMaxSize(4)).as(ExtensionOffer::new)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> spaces() {
        return Arbitraries.strings().withChars(" \t").ofMaxLength(3).list().ofMaxSize(6);
    }
}
