package io.edgemesh.firewall.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {
    private final PiiRedactor pii = new PiiRedactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "email       | write to jane.doe@example.com today         | write to [EMAIL] today",
            "phone       | call me on +34 612 345 678 please          | call me on [PHONE] please",
            "card        | my card 4111 1111 1111 1111 was declined    | my card [CARD] was declined",
            "card-plain  | card 5555555555554444 expired               | card [CARD] expired",
            "iban        | IBAN DE89 3704 0044 0532 0130 00 bounced    | IBAN [IBAN] bounced",
            "iban-plain  | es ES9121000418450200051332 ok              | es [IBAN] ok",
            "ssn         | my SSN is 123-45-6789.                      | my SSN is [NATIONAL_ID].",
            "dni         | DNI 12345678Z                               | DNI [NATIONAL_ID]",
            "nie         | NIE X1234567L                               | NIE [NATIONAL_ID]",
            "cpf         | CPF 529.982.247-25                          | CPF [NATIONAL_ID]",
            "nino        | NI number AB 12 34 56 C here                | NI number [NATIONAL_ID] here",
            "ipv4        | login from 192.168.1.20 failed              | login from [IP] failed",
            "ipv6        | from 2001:db8::8a2e:370:7334 today          | from [IP] today",
            "aws         | key AKIAIOSFODNN7EXAMPLE leaked              | key [SECRET] leaked",
            "password    | password: hunter2!x                         | password: [SECRET]",
    })
    void eachKindOfPersonalDataIsReplacedByItsPlaceholder(String kind, String text, String expected) {
        // GIVEN a message with one piece of personal data WHEN it is redacted THEN only that span changed
        Redacted r = pii.redact(text, "en-US");
        assertThat(r.text()).as(kind).isEqualTo(expected);
        assertThat(r.redactions()).as(kind).hasSize(1);
        assertThat(text.substring(r.redactions().get(0).start(), r.redactions().get(0).end())).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "card 4111 1111 1111 1112 (fails Luhn)",
            "IBAN DE89 3704 0044 0532 0130 01 (fails mod 97)",
            "SSN 123-00-4567 has group 00",
            "DNI 12345678A has the wrong letter",
            "CPF 111.111.111-11 is all one digit",
            "order number 1234567812345678 (Luhn ok but no issuer)",
            "we met at 10:30:45 yesterday",
            "version 2.4.1 of the app",
            "my password is expired",
    })
    void lookAlikesThatFailTheirCheckAreLeftAlone(String text) {
        Redacted r = pii.redact(text, "en-US");
        assertThat(r.changed()).as(text).isFalse();
        assertThat(r.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSN 666-12-3456 is never issued", "SSN 900-12-3456 is never issued", "SSN 000-12-3456 neither"})
    void ssnsInTheNeverIssuedRangesAreNotNationalIds(String text) {
        // (some of them are valid Spanish phone numbers, and may be redacted as such)
        assertThat(pii.redact(text, "en-US").redactions()).extracting(Redaction::type).doesNotContain(PiiRedactor.NATIONAL_ID);
    }

    @Test
    void secretsInTheirCommonFormatsAreRedacted() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        String github = "ghp_" + "a1B2".repeat(9);
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl";
        String stripe = "sk_live_" + "x9Y8".repeat(6);
        Redacted r = pii.redact("pem " + pem + " gh " + github + " jwt " + jwt + " stripe " + stripe, null);
        assertThat(r.text()).isEqualTo("pem [SECRET] gh [SECRET] jwt [SECRET] stripe [SECRET]");
        assertThat(r.redactions()).extracting(Redaction::type).containsOnly(PiiRedactor.SECRET);
    }

    @Test
    void theVisitorsLocalePicksTheRegionForNationalPhoneNumbers() {
        // GIVEN a German number in national format, which only a German default region can read
        String text = "Rufen Sie mich unter 030 22732152 an";
        // WHEN the visitor's locale is German THEN it is a phone number
        assertThat(pii.redact(text, "de-DE").text()).isEqualTo("Rufen Sie mich unter [PHONE] an");
        assertThat(PiiRedactor.regions("pt_BR")).startsWith("BR");
        assertThat(PiiRedactor.regions("fr")).startsWith("FR");
    }

    @Test
    void severalItemsKeepTheirOriginalOffsetsAndDoNotOverlap() {
        String text = "mail a@b.example or IBAN GB82 WEST 1234 5698 7654 32, card 378282246310005";
        Redacted r = pii.redact(text, null);
        assertThat(r.text()).isEqualTo("mail [EMAIL] or IBAN [IBAN], card [CARD]");
        assertThat(r.redactions()).extracting(Redaction::type).containsExactly("email", "iban", "card");
        assertThat(text.substring(r.redactions().get(1).start(), r.redactions().get(1).end())).isEqualTo("GB82 WEST 1234 5698 7654 32");
    }

    @Test
    void aMessageWithoutPersonalDataIsReturnedUnchanged() {
        Redacted r = pii.redact("How long does a transfer take?", "en");
        assertThat(r.changed()).isFalse();
        assertThat(r.text()).isEqualTo("How long does a transfer take?");
    }
}
