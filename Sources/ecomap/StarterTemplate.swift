/// The file `ecomap init` writes: a copy of examples/starter.yaml (a test keeps the two identical).
enum StarterTemplate {
    static let text = #"""
# A starter ecosystem file for ecomap (format version 1).
# Replace the sample entries with your own, then run:  ecomap validate THIS-FILE
# Full reference: docs/ecosystem-format.md in the ecomap sources.
#
# Step 1 of the relationship funnel, map the ecosystem: list the topics around
#   your brand, then the communities, people and organisations that discuss them.
# Step 2, analyse the communities: record size, activity, reach and whether
#   talk turns into action, so ecomap can rank where to focus.
#
# Leave out any figure you do not know: an unknown is not a zero.
# Text needs no quotes unless it starts with a special character such as @ or
# contains ": " or " #"; quote it then, like "@handle".

version: 1                        # format version; always 1
ecosystem: My Brand Ecosystem     # required: the title of the map
description: >-                   # optional: one paragraph shown under the title
  Where our customers and prospects talk about our products and topics.
as_of: 2026-01-01                 # optional: the day the figures were collected (YYYY-MM-DD)
focus: my-brand                   # optional: id of the node the map is centred on

# Optional: what the brand wants from its communities (a SPACE goal) sets the
# weights of the focus score: support | product-innovation | acquisition |
# content | engagement. Without it, size, activity, reach and action count equally.
scoring:
  goal: support

# Topics around the brand. A bare word is both id and name; the long form
# adds a display name and a description.
topics:
  - id: product-care
    name: Product care
    description: Getting the most out of what you bought.
  - sustainability

# Communities are what ecomap scores and ranks. At least one is required.
# Every node needs an `id`: letters, digits, - _ and . only, unique across the
# whole file. `name` is shown on the map and defaults to the id.
communities:
  - id: example-forum
    name: Example Owners Forum
    url: https://forum.example           # optional web address
    notes: Run by volunteers.            # optional free text
    tags: [owners]                       # optional labels
    channel: forum        # forum | blog | social-group | event | newsletter | podcast | chat | video | other
    presence: online      # online | offline | hybrid
    scope: national       # local | regional | national | global
    topics: [product-care]               # ids from `topics` above
    members: 5000                        # members or followers (size)
    activity: { discussions: 80, reactions: 900 }   # per month (activity)
    reach: 40000                         # audience beyond the members (reach)
    actions: 12                          # discussions per month that led to action
    sentiment: positive   # positive | neutral | negative | mixed, towards the brand
    phase: build-up       # acquaintance | build-up | continuation | deterioration | termination
    goals: [support, product-innovation] # support | product-innovation | acquisition | content | engagement
    funnel_step: monitor-conversations   # the funnel step the brand has reached here; the advice proposes the next

  - id: green-meetup
    name: Green Living Meetup
    channel: event
    presence: offline
    scope: local
    topics: [sustainability]
    members: 120                         # the other figures are not known yet

# People with an audience of their own.
influencers:
  - id: sample-creator
    name: Sam Sample
    handle: "@samsample"                 # quoted because it starts with @
    followers: 15000
    topics: [product-care]
    sentiment: neutral

# Organisations. role: brand | competitor | partner | media | regulator | supplier | customer | other
stakeholders:
  - id: my-brand
    name: My Brand
    role: brand

# Ties between any two nodes, undirected unless `directed: true`.
# Short form [from, to] or [from, to, weight]; weight is above 0 and at most 1
# (default 1). The long form adds `kind`, a free-text label.
links:
  - [sample-creator, example-forum, 0.8]
  - { from: my-brand, to: example-forum, weight: 0.5, kind: answers questions }
  - from: my-brand
    to: green-meetup
    weight: 0.3
    kind: sponsors
    directed: true

# Optional: how much each scoring dimension counts (non-negative, not all zero).
# scoring:
#   weights: { size: 1, activity: 1, reach: 1, action: 1 }

# Optional: how the map looks; command-line flags win.
# style:
#   engine: neato        # dot | neato | fdp | sfdp | circo | twopi (left out: ecomap picks one)
#   theme: light         # light | dark | print
#   group_by: topic      # none | topic | scope | channel | presence
#   label_top: 10        # rank badges on the top N communities
#   palette: { brand: "#0B6E4F" }   # colour overrides, #RRGGBB

"""#
}
