#!/bin/sh
# Regenerates the self-signed certificate the HTTPS test of «Modo sede» serves on 127.0.0.2
# (tests/fixtures/sede/). Valid for 100 years so that the fixture does not expire under CI;
# a test-only key, never used anywhere else. Run from the repository root:
#   sh tests/fixtures-src/sede/make-cert.sh
set -eu
out=tests/fixtures/sede
mkdir -p "$out"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
  -subj "/CN=Concurso BPGE sede de prueba" \
  -addext "subjectAltName=IP:127.0.0.2" \
  -keyout "$out/venue-key.pem" -out "$out/venue-cert.pem"
