#!/usr/bin/env bash
# Generates every icon in build/ from build/icon.svg (the one source): the app icon as PNG (1024, 512),
# Linux icon set build/icons/NxN.png (16..1024), Windows build/icon.ico (16..256), macOS build/icon.icns
# (when png2icns is installed; else electron-builder derives it from build/icon.png), and the tray icons
# build/tray/{linked,needs-login,error}[Template][@2x].png (the tray reuses the chain glyph of icon.svg).
# Needs: rsvg-convert (Debian librsvg2-bin), ImageMagick `convert`; optional: png2icns (icnsutils).
# The outputs are committed; run this only after changing icon.svg, then `npx vitest run test/installer`.
set -euo pipefail
cd "$(dirname "$0")/.."
src=build/icon.svg
command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }
command -v convert >/dev/null || { echo "make-icons: ImageMagick convert missing (apt-get install imagemagick)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" -o "$3"; }

# App icon and the Linux icon set.
mkdir -p build/icons
render "$src" 1024 build/icon.png
# At 32 px and below the QR corners turn to noise: those sizes show the tile and a larger, centred chain.
sed -e '/finders:start/,/finders:end/d' \
  -e 's|<g color="#FFFFFF">|<g color="#FFFFFF" transform="translate(512 512) scale(1.3) translate(-570 -570)">|' \
  "$src" > "$tmp/small.svg"
grep -q 'scale(1.3)' "$tmp/small.svg" || { echo "make-icons: glyph group not found in $src" >&2; exit 1; }
for size in 16 24 32; do render "$tmp/small.svg" "$size" "build/icons/${size}x${size}.png"; done
for size in 48 64 128 256 512 1024; do render "$src" "$size" "build/icons/${size}x${size}.png"; done

# Windows: one .ico holding 16..256 (256 stored as PNG by ImageMagick).
convert build/icons/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}.png build/icon.ico

# macOS: .icns from the PNG sizes png2icns understands.
if command -v png2icns >/dev/null; then
  png2icns build/icon.icns build/icons/{16x16,32x32,128x128,256x256,512x512,1024x1024}.png >/dev/null
else
  rm -f build/icon.icns
  echo "make-icons: png2icns missing (icnsutils): electron-builder will derive icon.icns from build/icon.png" >&2
fi

# Tray: the chain glyph of icon.svg, in a state-coloured tile (Windows, Linux) or black on transparent
# (macOS template images, which the menu bar recolours). Shape tells states apart too: a dot badge for
# "needs login", a cross badge for "error", in the corner the diagonal chain leaves empty.
glyph=$(sed -n '/glyph:start/,/glyph:end/p' "$src")
[ -n "$glyph" ] || { echo "make-icons: no glyph markers in $src" >&2; exit 1; }

badge() { # $1 state, $2 fill colour
  case "$1" in
    needs-login) echo "<circle cx=\"736\" cy=\"420\" r=\"76\" fill=\"$2\"/>" ;;
    error) # the cross is cut out of the disc, so it also works on a transparent template image
      echo "<mask id=\"cross\" maskUnits=\"userSpaceOnUse\" x=\"0\" y=\"0\" width=\"1024\" height=\"1024\"><rect width=\"1024\" height=\"1024\" fill=\"#fff\"/><path d=\"M700 384 L772 456 M772 384 L700 456\" stroke=\"#000\" stroke-width=\"36\" stroke-linecap=\"round\"/></mask><circle cx=\"736\" cy=\"420\" r=\"90\" fill=\"$2\" mask=\"url(#cross)\"/>" ;;
    *) ;;
  esac
}
tray_svg() { # $1 state, $2 template|colour
  local state=$1 kind=$2 tile="" fg="#000000" colour
  if [ "$kind" = template ]; then
    echo "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" viewBox=\"322 322 512 512\">"
    echo "<g color=\"$fg\">$glyph</g>$(badge "$state" "$fg")"
  else
    case "$state" in linked) colour="#12A172" ;; needs-login) colour="#D98A00" ;; *) colour="#D63B3B" ;; esac
    tile="<rect x=\"282\" y=\"282\" width=\"576\" height=\"576\" rx=\"128\" fill=\"$colour\"/>"
    echo "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"576\" height=\"576\" viewBox=\"282 282 576 576\">"
    echo "$tile<g color=\"#FFFFFF\">$glyph</g>$(badge "$state" "#FFFFFF")"
  fi
  echo "</svg>"
}
mkdir -p build/tray
for state in linked needs-login error; do
  for kind in colour template; do
    suffix=$([ "$kind" = template ] && echo Template || true)
    tray_svg "$state" "$kind" > "$tmp/$state$suffix.svg"
    render "$tmp/$state$suffix.svg" 16 "build/tray/$state$suffix.png"
    render "$tmp/$state$suffix.svg" 32 "build/tray/$state$suffix@2x.png"
  done
done
echo "make-icons: wrote build/icon.png, build/icons/, build/icon.ico$([ -f build/icon.icns ] && echo ', build/icon.icns'), build/tray/"
