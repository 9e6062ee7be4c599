# shellcheck shell=bash
# What the machine's apt configuration says about its archives. Source it; it
# defines functions only. goos never names an archive host of its own: every URI
# comes from the files below, so a machine behind a mirror or a proxy uses that.
#
# apt's own settings decide where its files are (APT_CONFIG, Dir::Etc), so a test
# can point all of this at a fake configuration without touching the machine's.

# The files apt reads its sources from: sources.list and sources.list.d/*.list
# (one-line format) and sources.list.d/*.sources (deb822), our own file excluded.
goos_apt_source_files() {
  local list parts f
  eval "$(apt-config shell list Dir::Etc::sourcelist/f parts Dir::Etc::sourceparts/d)"
  [[ -f "$list" ]] && echo "$list"
  for f in "$parts"*.list "$parts"*.sources; do
    [[ -f "$f" && "$(basename "$f")" != goos-src.sources ]] && echo "$f"
  done
  return 0
}

# The directory of apt's sources.list.d (where goos-src.sources goes).
goos_apt_source_parts() {
  local parts
  eval "$(apt-config shell parts Dir::Etc::sourceparts/d)"
  echo "${parts%/}"
}

# Every entry of the apt configuration, one line each, tab-separated:
#   <deb|deb-src> <URI> <suite> <signed-by or -> <trusted or ->
# Disabled deb822 stanzas are left out; an inline key in Signed-By (a value over
# several lines) is not carried, only a key file's path or a fingerprint.
goos_apt_entries() {
  local -a files
  mapfile -t files < <(goos_apt_source_files)
  ((${#files[@]} > 0)) || return 0
  awk '
    function emit(types, uris, suites, signed, trusted,    T, U, S, nt, nu, ns, i, j, k) {
      nt = split(types, T); nu = split(uris, U); ns = split(suites, S)
      for (i = 1; i <= nt; i++) for (j = 1; j <= nu; j++) for (k = 1; k <= ns; k++)
        if (T[i] == "deb" || T[i] == "deb-src")
          printf "%s\t%s\t%s\t%s\t%s\n", T[i], U[j], S[k], signed == "" ? "-" : signed, trusted == "" ? "-" : trusted
    }
    function flush() {
      if (tolower(f["enabled"]) != "no") emit(f["types"], f["uris"], f["suites"], f["signed-by"], f["trusted"])
      split("", f)
    }
    FNR == 1 { flush(); deb822 = FILENAME ~ /\.sources$/ }
    deb822 {
      if ($0 ~ /^[ \t]*#/) next
      if ($0 ~ /^[ \t]*$/) { flush(); next }
      if ($0 ~ /^[ \t]/) {  # a continuation line: an inline key is not carried
        if (name == "signed-by") f[name] = ""; else f[name] = f[name] " " $0
        next
      }
      c = index($0, ":"); if (c == 0) next
      name = tolower(substr($0, 1, c - 1)); value = substr($0, c + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", value)
      f[name] = value
      next
    }
    {
      sub(/#.*/, "")
      n = split($0, w); if (n < 3) next
      type = w[1]; i = 2; signed = ""; trusted = ""
      if (w[2] ~ /^\[/) {
        opts = ""
        for (; i <= n; i++) { opts = opts " " w[i]; if (w[i] ~ /\]$/) { i++; break } }
        gsub(/[\[\]]/, " ", opts)
        m = split(opts, o)
        for (j = 1; j <= m; j++) {
          if (o[j] ~ /^signed-by=/) signed = substr(o[j], 11)
          if (o[j] ~ /^trusted=/) trusted = substr(o[j], 9)
        }
      }
      if (i + 1 <= n) emit(type, w[i], w[i + 1], signed, trusted)
    }
    END { flush() }
  ' "${files[@]}"
}

# The release this machine runs (bookworm), whose suites name Debian's archives.
goos_debian_codename() {
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  echo "${GOOS_DEBIAN_CODENAME:-$codename}"
}

# The Debian archives among the entries: those whose suites are this release's
# (bookworm, bookworm-updates, bookworm-security, ...), as "<URI> <suffix>
# <signed-by> <trusted>" lines, the suffix being what follows the codename.
goos_debian_archives() {
  local codename
  codename=$(goos_debian_codename)
  goos_apt_entries | awk -F'\t' -v c="$codename" '
    $1 == "deb" && (index($3, c) == 1) {
      rest = substr($3, length(c) + 1)
      if (rest == "" || rest ~ /^[-\/]/) print $2 "\t" (rest == "" ? "=" : rest) "\t" $4 "\t" $5
    }' | sort -u
}

# Makes sure apt knows the source packages of the given releases (e.g. bookworm
# trixie): for every Debian archive apt already uses, a deb-src entry with the
# same URI and key for each release's matching suites, in a file of goos's own
# (goos-src.sources; the machine's files are left alone). Runs apt-get update
# when that file changed. Returns non-zero when the update failed (the caller
# can still fetch from the pool directly).
goos_apt_enable_deb_src() {
  local parts file tmp
  parts=$(goos_apt_source_parts)
  file="$parts/goos-src.sources"
  tmp=$(mktemp)
  # Suites already there as deb-src (in the machine's own files) are not repeated.
  goos_debian_archives | awk -F'\t' -v releases="$*" -v have="$(goos_apt_entries | awk -F'\t' '$1 == "deb-src" { printf "%s %s|", $2, $3 }')" '
    BEGIN { n = split(releases, R, " "); split(have, H, "|"); for (i in H) existing[H[i]] = 1 }
    {
      key = $1 "\t" $3 "\t" $4
      for (i = 1; i <= n; i++) {
        suite = R[i] ($2 == "=" ? "" : $2)
        if (!((($1 " " suite)) in existing) && !((key, suite) in seen)) {
          seen[key, suite] = 1
          if (!(key in suites)) order[++k] = key
          suites[key] = suites[key] " " suite
        }
      }
    }
    END {
      for (i = 1; i <= k; i++) {
        split(order[i], f, "\t")
        printf "Types: deb-src\nURIs: %s\nSuites:%s\nComponents: main\n", f[1], suites[order[i]]
        if (f[2] != "-") printf "Signed-By: %s\n", f[2]
        if (f[3] != "-") printf "Trusted: %s\n", f[3]
        printf "\n"
      }
    }' >"$tmp"
  if [[ ! -s "$tmp" ]]; then
    rm -f "$tmp"
    [[ -n "$(goos_debian_archives)" ]] && return 0 # all there already
    printf 'error: apt names no Debian archive for %s in %s\n' "$(goos_debian_codename)" \
      "$(goos_apt_source_files | tr '\n' ' ')" >&2
    return 1
  fi
  if cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    return 0
  fi
  printf '==> adding deb-src for %s to %s (the URIs apt already uses)\n' "$*" "$file" >&2
  local lists
  eval "$(apt-config shell lists Dir::State::lists/d)"
  goos_as_root_unless_writable "$parts" install -m 0644 "$tmp" "$file"
  rm -f "$tmp"
  goos_as_root_unless_writable "$lists" apt-get update -qq >&2
}
