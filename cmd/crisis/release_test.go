package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReleaseConfig: the release builds static binaries for Linux, macOS
// and Windows on amd64 and arm64 with the version stamped in, archives
// them under the names action.yml downloads, and writes checksums and an
// SBOM.
func TestReleaseConfig(t *testing.T) {
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Env     []string `yaml:"env"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			NameTemplate string `yaml:"name_template"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
		} `yaml:"checksum"`
		SBOMs []struct {
			Artifacts string `yaml:"artifacts"`
		} `yaml:"sboms"`
	}
	readYAML(t, "../../.goreleaser.yaml", &cfg)
	if cfg.Version != 2 || len(cfg.Builds) != 1 {
		t.Fatalf("want a goreleaser v2 config with one build: %+v", cfg)
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/crisis" || !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build %+v: want ./cmd/crisis, statically linked", b)
	}
	for _, os := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.Goos, os) {
			t.Errorf("no build for %s", os)
		}
	}
	for _, arch := range []string{"amd64", "arm64"} {
		if !slices.Contains(b.Goarch, arch) {
			t.Errorf("no build for %s", arch)
		}
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X main.version={{ .Version }}") {
		t.Errorf("ldflags %v do not stamp main.version", b.Ldflags)
	}
	if len(cfg.SBOMs) == 0 || cfg.SBOMs[0].Artifacts != "archive" {
		t.Error("no SBOM for the archives")
	}
	// The names the Action downloads.
	action, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	for tmpl, name := range map[string]string{
		cfg.Archives[0].NameTemplate: `crisis_${version}_${os}_${arch}`,
		cfg.Checksum.NameTemplate:    `crisis_${version}_checksums.txt`,
	} {
		want := strings.NewReplacer("{{ .ProjectName }}", "crisis", "{{ .Version }}", "${version}", "{{ .Os }}", "${os}", "{{ .Arch }}", "${arch}").Replace(tmpl)
		if want != name || !strings.Contains(string(action), name) {
			t.Errorf("release names %q, the action downloads %q", want, name)
		}
	}
}

// TestVersionStamp: the variable the release stamps is the one crisis
// reports, without the tag's v.
func TestVersionStamp(t *testing.T) {
	old := version
	t.Cleanup(func() { version = old })
	version = "v1.4.2"
	if got := versionString(); got != "1.4.2" {
		t.Errorf("versionString() = %q with main.version v1.4.2", got)
	}
	version = ""
	if got := versionString(); !regexp.MustCompile(`^\d+\.\d+\.\d+`).MatchString(got) {
		t.Errorf("a build without a stamp reports %q, not a semantic version", got)
	}
}

// TestDockerfile: a static binary on an empty base, not run as root.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	froms := regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(df, -1)
	if len(froms) != 2 || froms[1][1] != "scratch" {
		t.Errorf("stages %v: want a build stage and scratch", froms)
	}
	for _, want := range []string{"CGO_ENABLED=0", "-X main.version=", "./cmd/crisis", "USER 65532", `ENTRYPOINT ["/crisis"]`} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go (\d+\.\d+)\.(\d+)$`).FindSubmatch(gomod)
	if goLine == nil || string(goLine[2]) != "0" {
		t.Errorf("go.mod's go line should name a .0 release, so that no toolchain is downloaded on older patch releases")
	} else if !strings.Contains(df, "FROM golang:"+string(goLine[1])+" ") {
		t.Errorf("Dockerfile builds with another Go than go.mod's %s", goLine[1])
	}
}
