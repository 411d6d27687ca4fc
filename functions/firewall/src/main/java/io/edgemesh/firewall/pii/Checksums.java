package io.edgemesh.firewall.pii;

import java.math.BigInteger;
import java.util.Map;

/** The check-digit algorithms that tell a real identifier from a number that merely looks like one. */
final class Checksums {
    private Checksums() { }

    /** Luhn (mod 10) over a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) return false;
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Issuer prefixes of the card networks; a 16-digit number that passes Luhn but no issuer is an order number. */
    static boolean knownIssuer(String d) {
        int n = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int p6 = Integer.parseInt(d.substring(0, 6));
        if (d.charAt(0) == '4') return n == 13 || n == 16 || n == 19;                       // Visa
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;           // Mastercard
        if (p2 == 34 || p2 == 37) return n == 15;                                           // Amex
        if (p4 == 6011 || p2 == 65 || (p6 / 1000 >= 644 && p6 / 1000 <= 649)) return n >= 16; // Discover
        if (p4 >= 3528 && p4 <= 3589) return n >= 16;                                       // JCB
        if (p2 == 36 || p2 == 38 || (p6 / 1000 >= 300 && p6 / 1000 <= 305)) return n >= 14; // Diners
        if (p2 == 62) return n >= 16;                                                       // UnionPay
        if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 || p2 == 67) return n >= 12; // Maestro
        return false;
    }

    /** IBAN lengths of the SEPA countries and the commonest others (ISO 13616 registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BR", 29), Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27),
            Map.entry("GB", 22), Map.entry("GI", 23), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21),
            Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
            Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("XK", 20));

    /** The registered IBAN length of a country, or 0. */
    static int ibanLength(String country) {
        return IBAN_LENGTHS.getOrDefault(country, 0);
    }

    /** ISO 7064 mod 97-10 over a compact, upper-case IBAN. */
    static boolean iban(String iban) {
        Integer len = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (len == null || iban.length() != len) return false;
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(moved.length() * 2);
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
            else if (c >= 'A' && c <= 'Z') digits.append(c - 'A' + 10);
            else return false;
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /**
     * US SSN: area 001-899 except 666, group 01-99, serial 0001-9999 (the SSA never issues the others,
     * and 078-05-1120 and 219-09-9999 are the famous advertising numbers).
     */
    static boolean ssn(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        if (a == 0 || a == 666 || a >= 900) return false;
        if (Integer.parseInt(group) == 0 || Integer.parseInt(serial) == 0) return false;
        String all = area + group + serial;
        return !all.equals("078051120") && !all.equals("219099999");
    }

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** Spanish DNI (8 digits) or NIE (X/Y/Z + 7 digits): the letter is the number mod 23. */
    static boolean dniOrNie(String id) {
        String s = id.toUpperCase();
        char first = s.charAt(0);
        String num = switch (first) {
            case 'X' -> "0" + s.substring(1, 8);
            case 'Y' -> "1" + s.substring(1, 8);
            case 'Z' -> "2" + s.substring(1, 8);
            default -> s.substring(0, 8);
        };
        return DNI_LETTERS.charAt(Integer.parseInt(num) % 23) == s.charAt(8);
    }

    /** Brazilian CPF: two mod-11 check digits; the eleven repeated-digit numbers are invalid. */
    static boolean cpf(String d) {
        if (d.chars().distinct().count() == 1) return false;
        for (int check = 9; check <= 10; check++) {
            int sum = 0;
            for (int i = 0; i < check; i++) sum += (d.charAt(i) - '0') * (check + 1 - i);
            int r = (sum * 10) % 11;
            if (r == 10) r = 0;
            if (r != d.charAt(check) - '0') return false;
        }
        return true;
    }
}
