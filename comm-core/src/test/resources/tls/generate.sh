#!/bin/sh
# Regenerates the test certificates: a test CA, a server certificate for localhost and
# 127.0.0.1, a client certificate, a certificate for another host, and a self-signed
# certificate nobody trusts; the CA and server certificates and the server's key also as
# PEM files, and a renewed server certificate and key as PEM files only. Needs keytool and
# openssl. Every store's password is "changeit"; the
# certificates are valid for a hundred years, so the tests never see one expire.
# Test use only.
set -eu
cd "$(dirname "$0")"
rm -f ./*.p12 ./*.crt ./*.key
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
p="-storetype PKCS12 -storepass changeit -keypass changeit"
days=36500
# a day back, so that a machine whose clock is a little behind accepts them too
start=-1d

"$keytool" -genkeypair $p -keystore ca.p12 -alias ca -keyalg EC -groupname secp256r1 \
	-dname "CN=comm test CA" -ext bc:c -validity $days -startdate $start
"$keytool" -exportcert $p -keystore ca.p12 -alias ca -rfc -file ca.crt

# issue <store> <common name> <extensions>: a key pair signed by the test CA
issue() {
	"$keytool" -genkeypair $p -keystore "$1" -alias comm -keyalg EC -groupname secp256r1 -dname "CN=$2" -validity $days -startdate $start
	"$keytool" -certreq $p -keystore "$1" -alias comm -file request.csr
	"$keytool" -gencert $p -keystore ca.p12 -alias ca -infile request.csr -outfile signed.crt -rfc -validity $days -startdate $start \
		-ext "$3"
	"$keytool" -importcert $p -keystore "$1" -alias ca -file ca.crt -noprompt
	"$keytool" -importcert $p -keystore "$1" -alias comm -file signed.crt
	rm -f request.csr signed.crt
}
issue server.p12 localhost "san=dns:localhost,ip:127.0.0.1"
issue client.p12 "comm test client" "eku=clientAuth"
issue other-host.p12 other.example "san=dns:other.example"

"$keytool" -genkeypair $p -keystore untrusted.p12 -alias comm -keyalg EC -groupname secp256r1 -dname "CN=localhost" \
	-ext "san=dns:localhost,ip:127.0.0.1" -validity $days -startdate $start

# what clients and listeners trust: the test CA's certificate only
"$keytool" -importcert $p -keystore trust.p12 -alias ca -file ca.crt -noprompt

# pem <store> <name>: the store's key and certificate as <name>.key and <name>.crt
pem() {
	openssl pkcs12 -in "$1" -passin pass:changeit -nocerts -nodes | openssl pkey -out "$2.key"
	openssl pkcs12 -in "$1" -passin pass:changeit -nokeys -clcerts | openssl x509 -out "$2.crt"
}
pem server.p12 server

# a second server certificate for the same names, as a renewal would bring
issue renewed.p12 "renewed localhost" "san=dns:localhost,ip:127.0.0.1"
pem renewed.p12 renewed
rm -f ca.p12 renewed.p12
