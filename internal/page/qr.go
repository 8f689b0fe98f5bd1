package page

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/boombuler/barcode/qr"
)

// QR code geometry. Scanners need a quiet zone of four modules around the
// code; eight pixels per module keeps the code sharp when printed at the
// size the letter uses (about 35 mm) and on a phone screen.
const (
	qrQuietZone    = 4
	qrModulePixels = 8
)

// QRPNG returns a PNG of a QR code for content (error correction level M,
// which survives a crease or a smudge on paper) with a white quiet zone.
func QRPNG(content string) ([]byte, error) {
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("QR code for %q: %w", content, err)
	}
	modules := code.Bounds().Dx()
	size := (modules + 2*qrQuietZone) * qrModulePixels
	img := image.NewGray(image.Rect(0, 0, size, size))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 0; y < modules; y++ {
		for x := 0; x < modules; x++ {
			if g := color.GrayModel.Convert(code.At(x, y)).(color.Gray); g.Y >= 0x80 {
				continue
			}
			x0 := (x + qrQuietZone) * qrModulePixels
			y0 := (y + qrQuietZone) * qrModulePixels
			for dy := 0; dy < qrModulePixels; dy++ {
				row := img.Pix[(y0+dy)*img.Stride+x0:]
				for dx := 0; dx < qrModulePixels; dx++ {
					row[dx] = 0
				}
			}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
