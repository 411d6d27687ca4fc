/**
 * PII and secret redaction before a message is stored or sent to a model: e-mail, phone numbers
 * (libphonenumber), payment cards (Luhn and issuer prefixes), IBANs (mod-97 and country lengths),
 * national ids (US SSN, Spanish DNI/NIE, Brazilian CPF, UK NINO, each with its own validity rules), IP
 * addresses and secrets. Look-alikes that fail a check digit stay as they are: over-redaction makes a
 * support question unanswerable.
 */
package io.edgemesh.firewall.pii;
