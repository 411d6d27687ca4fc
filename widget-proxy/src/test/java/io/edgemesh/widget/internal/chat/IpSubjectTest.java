package io.edgemesh.widget.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpSubjectTest {

    @Test
    void ipv4IsCountedPerAddress() {
        assertThat(ChatService.ipSubject("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6IsCountedPerSlash64WhateverTheSpelling() {
        assertThat(ChatService.ipSubject("2001:db8:0:1::1")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ChatService.ipSubject("2001:0DB8:0000:0001:ffff:0:0:2")).isEqualTo("2001:db8:0:1::/64");
    }

    @Test
    void missingAddressHasItsOwnBucket() {
        assertThat(ChatService.ipSubject(null)).isEqualTo("unknown");
    }
}
