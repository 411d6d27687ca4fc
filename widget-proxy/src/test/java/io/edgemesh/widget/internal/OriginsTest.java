package io.edgemesh.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginsTest {

    @ParameterizedTest
    @CsvSource({"https://Shop.Example,https://shop.example", "https://shop.example:443,https://shop.example",
            "http://localhost:8787,http://localhost:8787", "http://shop.example:80,http://shop.example",
            "https://shop.example/,https://shop.example", "https://[::1]:8443,https://[::1]:8443"})
    void normalisesSchemeHostAndDefaultPort(String raw, String expected) {
        assertThat(Origins.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "shop.example", "ftp://shop.example", "https://user@shop.example",
            "https://shop.example/path", "https://shop.example?x=1", "javascript:alert(1)", "file:///etc/passwd"})
    void rejectsWhatIsNotAnOrigin(String raw) {
        assertThat(Origins.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.evil.test", "https://evilshop.example", "https://shop.example:8443",
            "http://shop.example"})
    void lookalikesAreNotAllowed(String origin) {
        assertThat(Origins.allowed(origin, List.of("https://shop.example"))).isFalse();
    }
}
