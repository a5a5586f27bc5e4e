package workflow

// A Program is a workflow's step tree flattened into a list of instructions with jumps, the
// form the engine runs. An execution's position is then one instruction index (the
// execution's current step) plus the stack of loops it is inside, both small enough to store
// with every step's commit: a crash resumes at the same step and loop item. A straight list
// of actions compiles to one instruction per action at the same index, so executions saved
// before step trees existed resume where they were.
type Program struct {
	Instrs []Instr
	// byKey maps a step key to its instruction.
	byKey map[string]int
}

// Op is what an instruction does.
type Op int

// The instruction kinds.
const (
	// OpStep runs an action (or STOP).
	OpStep Op = iota
	// OpIf evaluates its conditions and goes to Targets[0] (then) or Targets[1] (else).
	OpIf
	// OpSwitch goes to the first case whose conditions hold (Targets[i]) or to the default,
	// Targets[len(cases)].
	OpSwitch
	// OpForEach evaluates its items and enters the body at Targets[0], once per item, or
	// goes to Targets[1] (after the loop) when there are none.
	OpForEach
	// OpNext ends one pass of the body of the FOR_EACH at Targets[0]: the next item, or out.
	OpNext
	// OpJump goes to Targets[0] (the end of an IF or SWITCH branch).
	OpJump
)

// Instr is one instruction of a Program.
type Instr struct {
	Op Op
	// Action is the step (nil for OpNext and OpJump).
	Action *Action
	// Path is the step's JSON pointer in the definition, e.g. /actions/1/then/0.
	Path string
	// Branch is the innermost branch the step is in: "then", "else", a case's name or
	// "default"; "" outside branches.
	Branch  string
	Targets []int
	// End is the instruction after the step and everything nested in it: where a control
	// step that failed with onError CONTINUE goes on.
	End int
	// Loops lists the enclosing FOR_EACH instructions, outermost first.
	Loops []int
}

// Compile flattens a step tree. It accepts any tree; Validate reports what is wrong with one.
func Compile(actions []Action) Program {
	c := compiler{prog: Program{byKey: map[string]int{}}}
	c.block(actions, "/actions", "", nil)
	return c.prog
}

type compiler struct{ prog Program }

func (c *compiler) emit(in Instr) int {
	c.prog.Instrs = append(c.prog.Instrs, in)
	return len(c.prog.Instrs) - 1
}

func (c *compiler) here() int { return len(c.prog.Instrs) }

func (c *compiler) block(actions []Action, base, branch string, loops []int) {
	for i := range actions {
		c.step(&actions[i], Pointer(base, i), branch, loops)
	}
}

func (c *compiler) step(a *Action, path, branch string, loops []int) {
	at := c.here()
	if a.Key != "" {
		if _, dup := c.prog.byKey[a.Key]; !dup {
			c.prog.byKey[a.Key] = at
		}
	}
	in := Instr{Op: OpStep, Action: a, Path: path, Branch: branch, Loops: loops}
	switch a.Type {
	case ActionIf:
		in.Op = OpIf
		c.emit(in)
		c.prog.Instrs[at].Targets = []int{c.here(), 0}
		c.block(a.Then, Pointer(path, "then"), "then", loops)
		jump := c.emit(Instr{Op: OpJump, Path: path, Branch: branch, Loops: loops})
		c.prog.Instrs[at].Targets[1] = c.here()
		c.block(a.Else, Pointer(path, "else"), "else", loops)
		c.prog.Instrs[jump].Targets = []int{c.here()}
	case ActionSwitch:
		in.Op = OpSwitch
		c.emit(in)
		var jumps []int
		targets := make([]int, 0, len(a.Cases)+1)
		for i, cs := range a.Cases {
			targets = append(targets, c.here())
			c.block(cs.Actions, Pointer(path, "cases", i, "actions"), cs.Name, loops)
			jumps = append(jumps, c.emit(Instr{Op: OpJump, Path: path, Branch: branch, Loops: loops}))
		}
		targets = append(targets, c.here())
		c.block(a.Default, Pointer(path, "default"), "default", loops)
		for _, j := range jumps {
			c.prog.Instrs[j].Targets = []int{c.here()}
		}
		c.prog.Instrs[at].Targets = targets
	case ActionForEach:
		in.Op = OpForEach
		c.emit(in)
		inner := append(append([]int(nil), loops...), at)
		c.block(a.Body, Pointer(path, "body"), "", inner)
		c.emit(Instr{Op: OpNext, Path: path, Branch: branch, Loops: inner, Targets: []int{at}})
		c.prog.Instrs[at].Targets = []int{at + 1, c.here()}
	default:
		c.emit(in)
	}
	c.prog.Instrs[at].End = c.here()
}

// Len is the number of instructions; an execution at Len has finished its steps.
func (p Program) Len() int { return len(p.Instrs) }

// KeyAt returns the instruction of the step with the given key.
func (p Program) KeyAt(key string) (int, bool) {
	i, ok := p.byKey[key]
	return i, ok
}

// Settle moves a position past the instructions that need no work: jumps, and the ends of
// loop bodies (the next item, or out of the loop). It returns the instruction to run next
// (Len when the steps are done) and the loop frames there. frames is not modified.
func (p Program) Settle(ip int, frames []Frame) (int, []Frame) {
	frames = append([]Frame(nil), frames...)
	for ip < len(p.Instrs) {
		in := p.Instrs[ip]
		switch in.Op {
		case OpJump:
			ip = in.Targets[0]
		case OpNext:
			loop := p.Instrs[in.Targets[0]]
			if n := len(frames); n > 0 && frames[n-1].Index+1 < frames[n-1].Count {
				frames[n-1].Index++
				ip = loop.Targets[0]
			} else {
				if n > 0 {
					frames = frames[:n-1]
				}
				ip = loop.Targets[1]
			}
		default:
			return ip, frames
		}
	}
	return ip, frames
}

// SkipItem is the position after a failed item of the loop at instruction loop: the end of
// that loop's body (its OpNext), with the frames of loops nested in it dropped. Settle then
// moves on to the next item.
func (p Program) SkipItem(loop int, frames []Frame) (int, []Frame) {
	for i, f := range frames {
		if f.At == loop {
			return p.Instrs[loop].Targets[1] - 1, append([]Frame(nil), frames[:i+1]...)
		}
	}
	return p.Instrs[loop].Targets[1], frames
}

// Walk calls fn for every step of a tree, parents before children, with its JSON pointer.
func Walk(actions []Action, fn func(path string, a *Action)) {
	walkBlock(actions, "/actions", fn)
}

func walkBlock(actions []Action, base string, fn func(string, *Action)) {
	for i := range actions {
		a := &actions[i]
		path := Pointer(base, i)
		fn(path, a)
		walkBlock(a.Then, Pointer(path, "then"), fn)
		walkBlock(a.Else, Pointer(path, "else"), fn)
		for j := range a.Cases {
			walkBlock(a.Cases[j].Actions, Pointer(path, "cases", j, "actions"), fn)
		}
		walkBlock(a.Default, Pointer(path, "default"), fn)
		walkBlock(a.Body, Pointer(path, "body"), fn)
	}
}

// MapActions returns a copy of a tree with fn applied to every step (fn gets a step whose
// nested blocks are already mapped, and returns the replacement).
func MapActions(actions []Action, fn func(Action) Action) []Action {
	if actions == nil {
		return nil
	}
	out := make([]Action, len(actions))
	for i, a := range actions {
		a.Then = MapActions(a.Then, fn)
		a.Else = MapActions(a.Else, fn)
		a.Default = MapActions(a.Default, fn)
		a.Body = MapActions(a.Body, fn)
		if a.Cases != nil {
			cases := make([]Case, len(a.Cases))
			for j, cs := range a.Cases {
				cs.Conditions = copyMap(cs.Conditions)
				cs.Actions = MapActions(cs.Actions, fn)
				cases[j] = cs
			}
			a.Cases = cases
		}
		out[i] = fn(a)
	}
	return out
}

// HasTree reports whether the program is more than a straight list of steps.
func (p Program) HasTree() bool {
	for _, in := range p.Instrs {
		if in.Op != OpStep || in.Action.Key != "" {
			return true
		}
	}
	return false
}

// CountSteps counts the steps of a tree, nested ones included.
func CountSteps(actions []Action) int {
	n := 0
	Walk(actions, func(string, *Action) { n++ })
	return n
}
