#!/bin/sh
# Runs Debian's nginx in the foreground on 127.0.0.1:8282 with the shipped
# deploy/nginx.conf, serving dist/ as /portal/news/. Playwright starts it and
# stops it (tests run against it as the "nginx" project); the benchmarks
# serve other builds on other ports: nginx.sh [folder] [port].
set -eu
cd "$(dirname "$0")/../.."
here=$(pwd)
site=$(cd "${1:-dist}" && pwd)
port=${2:-8282}
run="$here/target/nginx-$port"
rm -rf "$run"
mkdir -p "$run/www/portal" "$run/tmp"
ln -s "$site" "$run/www/portal/news"
# deploy/nginx.conf includes mime.types from the configuration folder, as on a server.
ln -s /etc/nginx/mime.types "$run/mime.types"

modules=
for brotli in /usr/lib/nginx/modules/ngx_http_brotli_static_module.so /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so; do
  [ -f "$brotli" ] && modules="$modules load_module $brotli;"
done

# Run as root, nginx's workers drop to an unprivileged user that may not
# read a checkout in a private home folder: keep them as the caller.
user=
[ "$(id -u)" = 0 ] && user="user root;"

cat > "$run/nginx.conf" <<CONF
$modules
$user
worker_processes 1;
pid $run/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
    access_log off;
    log_not_found off;
    client_body_temp_path $run/tmp/body;
    proxy_temp_path $run/tmp/proxy;
    fastcgi_temp_path $run/tmp/fastcgi;
    uwsgi_temp_path $run/tmp/uwsgi;
    scgi_temp_path $run/tmp/scgi;
    default_type application/octet-stream;
    include /etc/nginx/mime.types;
    sendfile on;
    server {
        listen 127.0.0.1:$port;
        server_name localhost;
        root $run/www;
        include $here/deploy/nginx.conf;
    }
}
CONF
exec nginx -p "$run" -c "$run/nginx.conf" -e stderr -g 'daemon off;'
