# Sourced by the scripts: the demo's settings (mail to a local outbox, the Presidency's address, each unit's
# registered contacts). demo_env OUT_DIR exports them; PLAN_STORAGE must be set (azurite_start).

demo_env() {
  local out=$1
  export PlanStorage="$PLAN_STORAGE"
  export Mail__OutboxDirectory="$out/outbox"
  export Digest__Recipients="presidencia@coalicion-regional.example"
  # Registered contacts: result mails go to these addresses only (plus the ST copy), never to the e-mail typed in a sheet.
  export Contacts__SecretariatCopy="secretaria.tecnica@coalicion-regional.example"
  local unit
  for unit in BZ CR SV GT HN NI PA DO ST; do
    export "Contacts__Units__$unit=punto.focal.${unit,,}@coalicion-regional.example"
  done
  export Contacts__Units__GT="punto.focal.gt@coalicion-regional.example;suplente.gt@coalicion-regional.example"
}
