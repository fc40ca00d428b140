# Sourced by the scripts: start and stop Azurite (the Azure Storage emulator, pinned in package.json) on loopback.
# After azurite_start, PLAN_STORAGE holds a connection string for it and AZURITE_PID its process id.

AZURITE_ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

wait_port() {
  local port=$1 tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 150 ]; then
      echo "Azurite did not open port $port within 30 s; its log:" >&2
      cat "$AZURITE_LOG" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

# azurite_start DATA_DIR [in-memory]; AZURITE_QUIET=1 skips the debug log (it slows every request: the bench sets it).
azurite_start() {
  local data_dir=$1 memory=${2:-}
  mkdir -p "$data_dir"
  local blob_port queue_port table_port
  blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
  AZURITE_LOG="$data_dir/azurite.log"
  local extra=(--location "$data_dir")
  # In-memory for tests (fast, nothing left behind); on disk for the demo so its data can be inspected.
  [ "$memory" = "in-memory" ] && extra=(--inMemoryPersistence)
  [ "${AZURITE_QUIET:-}" = 1 ] || extra+=(--debug "$AZURITE_LOG")
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30 speaks a newer service version than Azurite 3.37 knows.
  node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" "${extra[@]}" >"$data_dir/azurite.out" 2>&1 &
  AZURITE_PID=$!
  wait_port "$blob_port" && wait_port "$queue_port" && wait_port "$table_port" || return 1
  PLAN_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
  export PLAN_STORAGE AZURITE_PID
  echo "Azurite running (pid $AZURITE_PID): blob $blob_port, queue $queue_port, table $table_port"
}

azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
    echo "Azurite stopped."
  fi
  AZURITE_PID=
}
