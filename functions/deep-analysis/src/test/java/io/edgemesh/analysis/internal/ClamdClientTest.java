package io.edgemesh.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClamdClientTest {

    @Test
    void repliesAreParsed() {
        assertThat(ClamdClient.parse("stream: OK")).isEqualTo(new ClamdClient.Clean());
        assertThat(ClamdClient.parse("stream: Win.Test.EICAR_HDB-1 FOUND")).isEqualTo(new ClamdClient.Found("Win.Test.EICAR_HDB-1"));
        assertThat(ClamdClient.parse("INSTREAM size limit exceeded. ERROR")).isInstanceOf(ClamdClient.Failed.class);
        assertThat(ClamdClient.parse("something odd")).isInstanceOf(ClamdClient.Failed.class);
    }

    @Test
    void addressesAreValidated() {
        Duration t = Duration.ofSeconds(1);
        assertThat(ClamdClient.fromAddress("", t, t)).isEmpty();
        assertThat(ClamdClient.fromAddress("clamd.internal:3310", t, t)).get().extracting(ClamdClient::address).isEqualTo("clamd.internal:3310");
        assertThat(ClamdClient.fromAddress("[::1]:3310", t, t)).get().extracting(ClamdClient::address).isEqualTo("::1:3310");
        assertThatThrownBy(() -> ClamdClient.fromAddress("localhost", t, t)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClamdClient.fromAddress("localhost:99999", t, t)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytePatternFindsMatchesAcrossChunks() {
        BytePattern p = new BytePattern("EICAR".getBytes());
        BytePattern.Matcher m = p.matcher();
        assertThat(m.feed("xxEI".getBytes(), 0, 4)).isFalse();
        assertThat(m.feed("CARyy".getBytes(), 0, 5)).isTrue();
        assertThat(p.foundIn("EICEICAR".getBytes())).isTrue();
        assertThat(p.foundIn("EICA".getBytes())).isFalse();
    }
}
