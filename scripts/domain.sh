#!/usr/bin/env bash
# Creating a Payara domain for Tora. Sourced, not run; no side effects on load.

# create_tora_domain <asadmin> <domain dir> <name> <admin port> <http port> <http address> <heap> [password file]
# Without a password file the admin user has no password (test domains). Ports: admin port A,
# HTTP port H, and A+1..A+8 for the internal listeners. The admin listener, the JMX connector, the
# ORB listeners and the data grid (Hazelcast: one member until several instances are configured)
# are bound to loopback, HTTP to the given address; the HTTPS listener and the
# embedded JMS broker (Tora sends no messages) are disabled. Keep-alive connections are not
# closed after 250 requests (a training run logs over one connection for hours), and answers do
# not advertise the server's name and version.
create_tora_domain() {
  local asadmin="$1" dir="$2" name="$3" a="$4" http="$5" address="$6" heap="$7" passwords="${8:-}"
  local auth=(--user admin) nopassword=true
  if [ -n "$passwords" ]; then
    auth+=(--passwordfile "$passwords")
    nopassword=false
  fi
  "$asadmin" --interactive=false "${auth[@]}" create-domain --nopassword="$nopassword" --domaindir "$dir" \
    --adminport "$a" --instanceport "$http" \
    --domainproperties "domain.jmxPort=$((a+1)):http.ssl.port=$((a+2)):java.debugger.port=$((a+3)):jms.port=$((a+4)):orb.listener.port=$((a+5)):orb.ssl.port=$((a+6)):orb.mutualauth.port=$((a+7)):osgi.shell.telnet.port=$((a+8))" \
    "$name" >/dev/null
  local xml="$dir/$name/config/domain.xml"
  sed -i \
    -e "s|<network-listener port=\"$http\" protocol=\"http-listener-1\"|<network-listener address=\"$address\" port=\"$http\" protocol=\"http-listener-1\"|" \
    -e "s|<network-listener port=\"$((a+2))\" protocol=\"http-listener-2\"|<network-listener enabled=\"false\" port=\"$((a+2))\" protocol=\"http-listener-2\"|" \
    -e "s|<network-listener port=\"$a\" protocol=\"admin-listener\"|<network-listener address=\"127.0.0.1\" port=\"$a\" protocol=\"admin-listener\"|" \
    -e "0,/<jvm-options>-Xmx512m<\/jvm-options>/s//<jvm-options>-Xmx$heap<\/jvm-options>\n<jvm-options>-Dhazelcast.socket.bind.any=false<\/jvm-options>/" \
    -e '0,/<http max-connections="250"/s//<http max-connections="-1" xpowered-by="false" server-header="false"/' \
    -e '/<jmx-connector [^>]*port="[0-9]/s/address="0\.0\.0\.0"/address="127.0.0.1"/' \
    -e '/<iiop-listener [^>]*port="[0-9]/s/address="0\.0\.0\.0"/address="127.0.0.1"/' \
    -e 's|<hazelcast-runtime-configuration\([ >/]\)|<hazelcast-runtime-configuration das-bind-address="127.0.0.1" interface="127.0.0.1"\1|' \
    -e '0,/<\/admin-service>/s//<\/admin-service>\n<jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1" port="'"$((a+4))"'" lazy-init="true"\/><\/jms-service>/' \
    "$xml"
  grep -q "address=\"$address\" port=\"$http\"" "$xml" && grep -q "address=\"127.0.0.1\" port=\"$a\"" "$xml" \
    && grep -q "<jmx-connector [^>]*address=\"127.0.0.1\" port=\"$((a+1))\"" "$xml" \
    && ! grep -E '<(jmx-connector|iiop-listener) [^>]*port="[0-9]' "$xml" | grep -q 0.0.0.0 \
    && grep -q '<hazelcast-runtime-configuration das-bind-address="127.0.0.1"' "$xml" \
    || { echo "could not configure the listeners in $xml" >&2; return 1; }
}
