<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>pos</name>
    <message>
      <location filename="../app.py" line="106" />
      <source>Cashier</source>
      <translation>收银员</translation>
    </message>
    <message>
      <location filename="../app.py" line="106" />
      <source>Supervisor</source>
      <translation>领班</translation>
    </message>
    <message>
      <location filename="../app.py" line="106" />
      <source>Manager</source>
      <translation>店长</translation>
    </message>
    <message>
      <location filename="../app.py" line="148" />
      <source>Store POS</source>
      <translation>门店收银系统</translation>
    </message>
    <message>
      <location filename="../app.py" line="203" />
      <source>Numpad</source>
      <translation>数字键盘</translation>
    </message>
    <message>
      <location filename="../app.py" line="208" />
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <location filename="../app.py" line="211" />
      <source>Log out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <location filename="../app.py" line="265" />
      <source>HQ: %1 · %2 events waiting</source>
      <translation>总部：%1 · 待上传 %2 条</translation>
    </message>
    <message>
      <location filename="../app.py" line="284" />
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <location filename="../app.py" line="284" />
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../app.py" line="394" />
      <source>%1 is not open to your role</source>
      <translation>您的角色不能打开%1</translation>
    </message>
    <message>
      <location filename="../app.py" line="490" />
      <source>Sale %1: %2, change %3</source>
      <translation>小票 %1：%2，找零 %3</translation>
    </message>
    <message>
      <location filename="../app.py" line="493" />
      <source>%1 points earned</source>
      <translation>获得积分 %1</translation>
    </message>
    <message>
      <location filename="../app.py" line="495" />
      <source>offline stored value used: %1</source>
      <translation>使用离线储值：%1</translation>
    </message>
    <message>
      <location filename="../app.py" line="504" />
      <source>Sale %1 · total %2</source>
      <translation>销售单 %1 · 合计 %2</translation>
    </message>
    <message>
      <location filename="../approval.py" line="28" />
      <source>price override</source>
      <translation>改价</translation>
    </message>
    <message>
      <location filename="../approval.py" line="29" />
      <source>refund</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../approval.py" line="30" />
      <source>card replacement</source>
      <translation>补卡</translation>
    </message>
    <message>
      <location filename="../approval.py" line="31" />
      <source>opening a shift</source>
      <translation>开班</translation>
    </message>
    <message>
      <location filename="../approval.py" line="32" />
      <source>closing a shift</source>
      <translation>交班</translation>
    </message>
    <message>
      <location filename="../approval.py" line="33" />
      <source>void after payment</source>
      <translation>付款后作废</translation>
    </message>
    <message>
      <location filename="../approval.py" line="34" />
      <source>manual discount</source>
      <translation>手工折扣</translation>
    </message>
    <message>
      <location filename="../approval.py" line="35" />
      <source>cancelling a sale above the set amount</source>
      <translation>取消超过限额的整单</translation>
    </message>
    <message>
      <location filename="../approval.py" line="36" />
      <source>reprinting a receipt</source>
      <translation>重打小票</translation>
    </message>
    <message>
      <location filename="../approval.py" line="37" />
      <source>a tier change</source>
      <translation>调整会员等级</translation>
    </message>
    <message>
      <location filename="../approval.py" line="38" />
      <source>a group enrollment</source>
      <translation>集体办理</translation>
    </message>
    <message>
      <location filename="../approval.py" line="39" />
      <source>a card sold below face</source>
      <translation>低于面值售卡</translation>
    </message>
    <message>
      <location filename="../approval.py" line="49" />
      <source>Supervisor approval</source>
      <translation>领班授权</translation>
    </message>
    <message>
      <location filename="../approval.py" line="53" />
      <source>Approval needed for: %1</source>
      <translation>需要授权：%1</translation>
    </message>
    <message>
      <location filename="../approval.py" line="60" />
      <source>Supervisor code</source>
      <translation>领班工号</translation>
    </message>
    <message>
      <location filename="../approval.py" line="61" />
      <source>PIN</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../approval.py" line="68" />
      <source>Approve</source>
      <translation>授权</translation>
    </message>
    <message>
      <location filename="../approval.py" line="69" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../balance.py" line="108" />
      <source>preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="../balance.py" line="124" />
      <source>Find a member first</source>
      <translation>请先查询会员</translation>
    </message>
    <message>
      <location filename="../balance.py" line="135" />
      <source>Slip %1 printed</source>
      <translation>余额单 %1 已打印</translation>
    </message>
    <message>
      <location filename="../balance.py" line="30" />
      <source>Balance</source>
      <translation>余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="31" />
      <source>Balance slip</source>
      <translation>余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="33" />
      <source>Find a member by card or phone</source>
      <translation>按卡号或手机号查会员</translation>
    </message>
    <message>
      <location filename="../balance.py" line="34" />
      <source>Print the balance slip</source>
      <translation>打印余额单</translation>
    </message>
    <message>
      <location filename="../balance.py" line="46" />
      <source>Card number or phone; or present the card</source>
      <translation>卡号或手机号；或刷卡</translation>
    </message>
    <message>
      <location filename="../balance.py" line="49" />
      <source>Find</source>
      <translation>查询</translation>
    </message>
    <message>
      <location filename="../balance.py" line="54" />
      <source>No member selected</source>
      <translation>未选择会员</translation>
    </message>
    <message>
      <location filename="../balance.py" line="71" />
      <source>Print slip</source>
      <translation>打印余额单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="1034" />
      <source>Coupon %1 taken off: %2</source>
      <translation>已撤下优惠券 %1：%2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="1052" />
      <source>Welcome</source>
      <translation>欢迎光临</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="140" />
      <source>Anonymous card</source>
      <translation>不记名卡</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="141" />
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="142" />
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="143" />
      <source>Stored value</source>
      <translation>储值</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="144" />
      <source>principal</source>
      <translation>本金</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="145" />
      <source>bonus</source>
      <translation>赠送</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="149" />
      <source>%1 points expire on %2</source>
      <translation>%1 积分将于 %2 到期</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="154" />
      <source>Supplementary card</source>
      <translation>附属卡</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Item</source>
      <translation>商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Discounts</source>
      <translation>优惠</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="245" />
      <source>Checkout</source>
      <translation>收银</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="248" />
      <source>Quantity of the selected line</source>
      <translation>修改所选行数量</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="249" />
      <source>Void the selected line</source>
      <translation>删除所选商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="250" />
      <source>Price override (supervisor)</source>
      <translation>改价（领班授权）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="251" />
      <source>Member: card or phone</source>
      <translation>会员：刷卡或手机号</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="252" />
      <source>Coupon</source>
      <translation>优惠券</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="253" />
      <source>Pay</source>
      <translation>结账</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="254" />
      <source>Park the cart (挂单)</source>
      <translation>挂单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="255" />
      <source>Recall a parked cart (取单)</source>
      <translation>取单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="256" />
      <source>Cancel the whole sale, with a reason (整单取消)</source>
      <translation>整单取消（需填写原因）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="257" />
      <source>Detach the member</source>
      <translation>解除会员</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="258" />
      <source>Price check (查价), nothing added</source>
      <translation>查价（不加入购物车）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="259" />
      <source>Reprint the last receipt (supervisor)</source>
      <translation>重打上一张小票（领班）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="260" />
      <source>Open the cash drawer, no sale (a reason)</source>
      <translation>无交易开钱箱（需填写原因）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="261" />
      <source>Manual discount on the line or the sale (supervisor)</source>
      <translation>手工折扣：本行或整单（领班）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="293" />
      <source>Scan or type a barcode / SKU, Enter</source>
      <translation>扫码或输入条码 / 货号，回车</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="321" />
      <source>List price</source>
      <translation>原价合计</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="325" />
      <source>To pay</source>
      <translation>应付</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="336" />
      <source>Member (card or phone)</source>
      <translation>会员（卡或手机号）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="339" />
      <source>Swipe / tap / insert, or type card or phone</source>
      <translation>刷卡 / 感应 / 插卡，或输入卡号、手机号</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="342" />
      <source>No member</source>
      <translation>未关联会员</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="352" />
      <source>Type or scan the coupon code</source>
      <translation>输入或扫描券码</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="361" />
      <source>Set qty</source>
      <translation>改数量</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="368" />
      <source>New unit price</source>
      <translation>新单价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="370" />
      <source>Override</source>
      <translation>改价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="374" />
      <source>Void line</source>
      <translation>删除商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="378" />
      <source>Park</source>
      <translation>挂单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="381" />
      <source>Recall</source>
      <translation>取单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="384" />
      <source>Cancel sale</source>
      <translation>整单取消</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="387" />
      <source>Detach member</source>
      <translation>解除会员</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="392" />
      <source>Price check</source>
      <translation>查价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="395" />
      <source>Reprint</source>
      <translation>重打小票</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="398" />
      <source>Open drawer</source>
      <translation>开钱箱</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="405" />
      <source>Discount</source>
      <translation>折扣</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="503" />
      <source>Quantity must be 1 to %1</source>
      <translation>数量须为 1 到 %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="551" />
      <source>At most %1 of one item</source>
      <translation>同一商品最多 %1 件</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="573" />
      <source>Happy birthday, %1!</source>
      <translation>%1，生日快乐！</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="588" />
      <source>Coupon %1 taken off</source>
      <translation>已撤下优惠券 %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="608" />
      <source>Coupon %1 refused: %2</source>
      <translation>优惠券 %1 不能使用：%2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="616" />
      <source>Coupon %1 applied: %2 off</source>
      <translation>已使用优惠券 %1：优惠 %2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="62" />
      <source>The customer does not want it</source>
      <translation>顾客不要了</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="63" />
      <source>Scanned in error</source>
      <translation>扫错商品</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="64" />
      <source>The customer is short of money</source>
      <translation>顾客钱不够</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="645" />
      <source>Void line %1: %2 × %3?</source>
      <translation>删除第 %1 行：%2 × %3？</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="65" />
      <source>Price query</source>
      <translation>只是问价</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="68" />
      <source>Change for a customer</source>
      <translation>给顾客换零钱</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="69" />
      <source>Counting the float</source>
      <translation>清点备用金</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="70" />
      <source>Cash taken to the safe</source>
      <translation>现金存入保险柜</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="704" />
      <source>Line %1: %2</source>
      <translation>第 %1 行：%2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="718" />
      <source>Manual discount %1折 applied</source>
      <translation>已打 %1 折（手工折扣）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="735" />
      <source>The cart is empty</source>
      <translation>购物车是空的</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="737" />
      <source>a sale</source>
      <translation>结账</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="762" />
      <source>Cart parked as no. %1 (%2 items, %3): Ctrl+Q recalls it</source>
      <translation>已挂单，第 %1 单（%2 件，%3）：按 Ctrl+Q 取单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="775" />
      <source>Finish or park this sale first (Ctrl+G)</source>
      <translation>请先完成或挂起当前这单（Ctrl+G）</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="781" />
      <source>No cart is parked</source>
      <translation>没有挂起的单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="814" />
      <source>Parked cart no. %1 recalled</source>
      <translation>已取回第 %1 单</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="816" />
      <source>left out: %1</source>
      <translation>未取回：%1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="836" />
      <source>Cancel the whole sale: %1 items, %2?</source>
      <translation>整单取消：%1 件，%2？</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="850" />
      <source>Sale cancelled: %1</source>
      <translation>已整单取消：%1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="870" />
      <source>No member is attached</source>
      <translation>未关联会员</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="876" />
      <source>Member detached</source>
      <translation>已解除会员</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="904" />
      <source>Receipt %1 reprinted</source>
      <translation>已重打小票 %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="918" />
      <source>Open the cash drawer with no sale?</source>
      <translation>无交易打开钱箱？</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="931" />
      <source>Drawer opened: %1</source>
      <translation>已开钱箱：%1</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="19" />
      <source>Please confirm</source>
      <translation>请确认</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="28" />
      <source>Keep</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="50" />
      <source>Choose or type the reason</source>
      <translation>选择或输入原因</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="61" />
      <source>Give the reason first</source>
      <translation>请先填写原因</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="111" />
      <source>Total %1</source>
      <translation>合计 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="114" />
      <source>You save %1</source>
      <translation>已优惠 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="118" />
      <source>Paid %1</source>
      <translation>实收 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="119" />
      <source>Change %1</source>
      <translation>找零 %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="43" />
      <source>Customer display</source>
      <translation>顾客显示屏</translation>
    </message>
    <message>
      <location filename="../discount.py" line="42" />
      <source>Manual discount</source>
      <translation>手工折扣</translation>
    </message>
    <message>
      <location filename="../discount.py" line="49" />
      <source>In 折: 9 = 10% off, 8.5 = 15% off</source>
      <translation>按折输入：9 即九折，8.5 即八五折</translation>
    </message>
    <message>
      <location filename="../discount.py" line="50" />
      <source>Discount (折)</source>
      <translation>折扣（折）</translation>
    </message>
    <message>
      <location filename="../discount.py" line="51" />
      <source>The whole sale</source>
      <translation>整单</translation>
    </message>
    <message>
      <location filename="../discount.py" line="60" />
      <source>Apply</source>
      <translation>确定</translation>
    </message>
    <message>
      <location filename="../discount.py" line="70" />
      <source>Give the discount in 折, from 1 to 9.9 (9 = 10% off)</source>
      <translation>请按折输入 1 到 9.9（9 即九折）</translation>
    </message>
    <message>
      <location filename="../feedback.py" line="107" />
      <source>Change due</source>
      <translation>找零</translation>
    </message>
    <message>
      <location filename="../feedback.py" line="116" />
      <source>Next customer: scan the first item</source>
      <translation>下一位顾客：请扫描第一件商品</translation>
    </message>
    <message>
      <location filename="../feedback.py" line="177" />
      <source>Working…</source>
      <translation>正在处理…</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="151" />
      <source>Everywhere</source>
      <translation>全局</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="156" />
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="159" />
      <source>Scanning works whatever field has focus.</source>
      <translation>无论光标在哪个输入框，扫码都会加入购物车。</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="86" />
      <source>Help (this overlay)</source>
      <translation>帮助（本页）</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="88" />
      <source>Back / close</source>
      <translation>返回 / 关闭</translation>
    </message>
    <message>
      <location filename="../labels.py" line="12" />
      <source>Scanner</source>
      <translation>扫码枪</translation>
    </message>
    <message>
      <location filename="../labels.py" line="13" />
      <source>Card reader</source>
      <translation>读卡器</translation>
    </message>
    <message>
      <location filename="../labels.py" line="14" />
      <source>Receipt printer</source>
      <translation>小票打印机</translation>
    </message>
    <message>
      <location filename="../labels.py" line="15" />
      <source>Pole display</source>
      <translation>客显屏</translation>
    </message>
    <message>
      <location filename="../labels.py" line="16" />
      <source>Cash drawer</source>
      <translation>钱箱</translation>
    </message>
    <message>
      <location filename="../labels.py" line="19" />
      <source>ok</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../labels.py" line="19" />
      <source>degraded</source>
      <translation>异常</translation>
    </message>
    <message>
      <location filename="../labels.py" line="21" />
      <source>member price</source>
      <translation>会员价</translation>
    </message>
    <message>
      <location filename="../labels.py" line="22" />
      <source>promotion</source>
      <translation>促销</translation>
    </message>
    <message>
      <location filename="../labels.py" line="23" />
      <source>tier</source>
      <translation>会员折扣</translation>
    </message>
    <message>
      <location filename="../labels.py" line="24" />
      <source>spend &amp; get off</source>
      <translation>满减</translation>
    </message>
    <message>
      <location filename="../labels.py" line="25" />
      <source>coupon</source>
      <translation>优惠券</translation>
    </message>
    <message>
      <location filename="../labels.py" line="26" />
      <source>stored-value pay discount</source>
      <translation>储值支付折扣</translation>
    </message>
    <message>
      <location filename="../login.py" line="21" />
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../login.py" line="43" />
      <source>Store terminal</source>
      <translation>门店收银</translation>
    </message>
    <message>
      <location filename="../login.py" line="44" />
      <source>Store %1 · terminal %2</source>
      <translation>门店 %1 · 收银机 %2</translation>
    </message>
    <message>
      <location filename="../login.py" line="49" />
      <source>e.g. 1001</source>
      <translation>例如 1001</translation>
    </message>
    <message>
      <location filename="../login.py" line="53" />
      <source>Staff code</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../login.py" line="82" />
      <source>Enter your staff code and PIN</source>
      <translation>请输入工号和密码</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="110" />
      <source>To pay: %1</source>
      <translation>应付：%1</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="121" />
      <source>This purchase reaches %1: give the buyer's name and ID number</source>
      <translation>本次购卡达到 %1：请填写购卡人姓名和身份证号</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="46" />
      <source>Sell cards</source>
      <translation>售卡</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="53" />
      <source>%1 from card %2: face %3, lowest %4 with a supervisor's approval</source>
      <translation>%1，自卡号 %2 起：面值 %3，经主管批准最低 %4</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="63" />
      <source>Number of cards</source>
      <translation>张数</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="66" />
      <source>Empty: at face; in 折: 8 = 80% of face</source>
      <translation>留空按面值；按折填写：8 即面值的八折</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="72" />
      <source>Paid by</source>
      <translation>支付方式</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="77" />
      <source>Buyer's name</source>
      <translation>购卡人姓名</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="78" />
      <source>Buyer's ID number</source>
      <translation>购卡人身份证号</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="80" />
      <source>A purchase of %1 or more keeps the buyer's name and ID number</source>
      <translation>一次购卡达到 %1 须登记购卡人姓名和身份证号（实名登记）</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="92" />
      <source>Sell</source>
      <translation>售卡</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="14" />
      <source>barcode card</source>
      <translation>条码卡</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="15" />
      <source>magnetic stripe (swipe)</source>
      <translation>磁条卡（刷卡）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="16" />
      <source>chip card (insert)</source>
      <translation>IC卡（插卡）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="17" />
      <source>contactless (tap)</source>
      <translation>感应卡（非接触）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="18" />
      <source>virtual card</source>
      <translation>虚拟卡</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="34" />
      <source>Next number in sequence</source>
      <translation>按顺序发新卡号</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="35" />
      <source>Present a card (swipe / tap / insert)</source>
      <translation>出示卡（刷卡 / 感应 / 插卡）</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="61" />
      <source>Present the card first</source>
      <translation>请先出示卡</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="104" />
      <source>Block card %1 as lost? It cannot pay or earn until replaced.</source>
      <translation>将卡 %1 挂失冻结？补卡前不能支付也不能积分。</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="105" />
      <source>Block card</source>
      <translation>挂失冻结</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="126" />
      <source>New card %1 carries the balance</source>
      <translation>新卡 %1 已转入余额</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="158" />
      <source>Supplementary card %1 issued</source>
      <translation>附属卡 %1 已办理</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="31" />
      <source>Cards</source>
      <translation>卡务</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="38" />
      <source>Block lost card</source>
      <translation>挂失冻结</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="42" />
      <source>Replace blocked card (supervisor)</source>
      <translation>补办新卡（领班授权）</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="46" />
      <source>Write chip</source>
      <translation>写入芯片</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="48" />
      <source>Write the card number and the holder's check to the chip of the card shown</source>
      <translation>把卡号和持卡人校验写入所示卡片的芯片</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="55" />
      <source>New or supplementary card</source>
      <translation>新卡或附属卡</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="62" />
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="66" />
      <source>Holder name</source>
      <translation>持卡人姓名</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="67" />
      <source>Limit per sale</source>
      <translation>单笔限额</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="68" />
      <source>Limit per day</source>
      <translation>每日限额</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="70" />
      <source>Issue supplementary card</source>
      <translation>办理附属卡</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="98" />
      <source>Card %1 is blocked</source>
      <translation>卡 %1 已冻结</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="106" />
      <source>No card on the reader: tap card %1 and write again</source>
      <translation>读卡器上没有卡：请将卡 %1 放到读卡器上，再点“重新写入”</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="108" />
      <source>No card in the reader: insert card %1 and write again</source>
      <translation>读卡器中没有卡：请插入卡 %1，再点“重新写入”</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="111" />
      <source>This is not card %1: its chip belongs to another card. Present card %1 and write again</source>
      <translation>这不是卡 %1：该芯片属于另一张卡。请出示卡 %1，再点“重新写入”</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="114" />
      <source>The chip was not written (%1): keep the card still and write again</source>
      <translation>芯片未能写入（%1）：请保持卡片不动，再点“重新写入”</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="117" />
      <source>The card reader is not available (%1)</source>
      <translation>读卡器不可用（%1）</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="43" />
      <source>Write the chip</source>
      <translation>写入芯片</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="47" />
      <source>Tap card %1 on the card reader and hold it there</source>
      <translation>请将卡 %1 轻触并停放在读卡器上</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="48" />
      <source>Insert card %1 into the chip card reader</source>
      <translation>请将卡 %1 插入IC卡读卡器</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="49" />
      <source>The card number and the holder's check are written to its chip.</source>
      <translation>卡号和持卡人校验将写入卡片芯片。</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="60" />
      <source>Write again</source>
      <translation>重新写入</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="63" />
      <source>Not now</source>
      <translation>暂不写入</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="76" />
      <source>Writing… waiting for the card</source>
      <translation>正在写入……等待卡片</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="90" />
      <source>Written: the chip of card %1 carries its holder</source>
      <translation>已写入：卡 %1 的芯片已载有持卡人信息</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="93" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="108" />
      <source>The customer must agree to the privacy notice</source>
      <translation>顾客须同意隐私声明</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="116" />
      <source>Birthday: YYYY-MM-DD</source>
      <translation>生日格式：年-月-日，如 1990-05-20</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="146" />
      <source>Enrolled: card %1</source>
      <translation>办卡成功：卡号 %1</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="25" />
      <source>Enroll</source>
      <translation>办卡</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="37" />
      <source>YYYY-MM-DD (optional)</source>
      <translation>年-月-日，如 1990-05-20（可选）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="39" />
      <source>not given</source>
      <translation>未填</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="40" />
      <source>female</source>
      <translation>女</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="41" />
      <source>male</source>
      <translation>男</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="46" />
      <source>Postal address (optional)</source>
      <translation>通讯地址（选填）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="49" />
      <source>Resident ID (optional; needed for large top-ups)</source>
      <translation>身份证号（可选；大额充值需要）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="50" />
      <source>The customer agrees to the privacy notice (required)</source>
      <translation>顾客同意隐私声明（必选）</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="52" />
      <source>Accepts promotion messages</source>
      <translation>接受促销信息</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="59" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="60" />
      <source>Phone</source>
      <translation>手机号</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="61" />
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="62" />
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="63" />
      <source>Email</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="64" />
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="65" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="68" />
      <source>Card</source>
      <translation>卡</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="110" />
      <source>%1 of %2 rows have problems</source>
      <translation>%2 行中有 %1 行有问题</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="113" />
      <source>All %1 rows can be enrolled</source>
      <translation>全部 %1 行均可办理</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="132" />
      <source>%1: %2 enrolled, %3 left out</source>
      <translation>%1：已办理 %2 人，未办理 %3 人</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="138" />
      <source>%1 of %2 rows have problems: nobody was enrolled. Tick the box to enroll only the good rows.</source>
      <translation>%2 行中有 %1 行有问题：未办理任何会员。勾选下方选项可只办理无误的行。</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="148" />
      <source>Card %1</source>
      <translation>卡 %1</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="152" />
      <source>Good</source>
      <translation>可以办理</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="34" />
      <source>Group enrollment</source>
      <translation>集体办理</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="43" />
      <source>The organisation the staff come from</source>
      <translation>员工所属单位</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="44" />
      <source>Organisation</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="48" />
      <source>A .csv or .xlsx file: name, phone, ID number...</source>
      <translation>.csv 或 .xlsx 文件：姓名、手机、身份证号……</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="50" />
      <source>Choose...</source>
      <translation>选择……</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="53" />
      <source>Check the file</source>
      <translation>检查文件</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="57" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="60" />
      <source>The terminal's next card numbers</source>
      <translation>本机顺序卡号</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="64" />
      <source>Card numbers</source>
      <translation>卡号来源</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="68" />
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="68" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="76" />
      <source>Enroll only the good rows and leave the others</source>
      <translation>只办理无误的行，其余不办理</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="79" />
      <source>Enroll the group</source>
      <translation>集体办理</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="86" />
      <source>Group file</source>
      <translation>名单文件</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="86" />
      <source>Group files (*.csv *.xlsx)</source>
      <translation>名单文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="94" />
      <source>Choose the group's file first</source>
      <translation>请先选择名单文件</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="106" />
      <source>Tier is now %1</source>
      <translation>等级已调整为 %1</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="37" />
      <source>sale</source>
      <translation>销售</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="45" />
      <source>Tier changes</source>
      <translation>等级变更</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="47" />
      <source>Recent sales</source>
      <translation>最近消费</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="49" />
      <source>Top-ups</source>
      <translation>充值记录</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="56" />
      <source>Tier and history</source>
      <translation>等级与记录</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="76" />
      <source>Reason (e.g. competitor's VIP card honoured)</source>
      <translation>原因（如：认可竞品VIP卡）</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="77" />
      <source>Set tier (manager)</source>
      <translation>调整等级（店长）</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="95" />
      <source>Give the reason for the tier change</source>
      <translation>请填写调级原因</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="186" />
      <source>card</source>
      <translation>卡</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="189" />
      <source>chip not written</source>
      <translation>芯片未写入</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="193" />
      <source>The chip of card %1 is not written yet: Cards tab, Write chip</source>
      <translation>卡 %1 的芯片尚未写入持卡人信息：请在“卡务”页点“写入芯片”</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="219" />
      <source>Chip of card %1 written</source>
      <translation>卡 %1 的芯片已写入</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="45" />
      <source>Members</source>
      <translation>会员</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="46" />
      <source>Member counter</source>
      <translation>会员服务台</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="49" />
      <source>Do the action of the open tab</source>
      <translation>执行当前页的操作</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="19" />
      <source>Services &amp; gifts</source>
      <translation>权益与礼品</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="26" />
      <source>Services</source>
      <translation>权益</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="33" />
      <source>Staff code of who served (default: you)</source>
      <translation>服务员工工号（默认：本人）</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="34" />
      <source>Service</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="35" />
      <source>Served by</source>
      <translation>服务人</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="36" />
      <source>Record the use</source>
      <translation>登记使用</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="44" />
      <source>points</source>
      <translation>积分</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="45" />
      <source>Gift for points</source>
      <translation>积分兑换礼品</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="46" />
      <source>Give the gift for points</source>
      <translation>兑换礼品</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="56" />
      <source>No services</source>
      <translation>无权益</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="72" />
      <source>Recorded: %1</source>
      <translation>已登记：%1</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="87" />
      <source>Gift given: %1; %2 points left</source>
      <translation>已兑换：%1；剩余积分 %2</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="102" />
      <source>Choose a card in stock first</source>
      <translation>请先选择一张在库的卡</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="136" />
      <source>a card sale</source>
      <translation>售卡</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="176" />
      <source>Card given: %1</source>
      <translation>已赠卡：%1</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="183" />
      <source>Card sold: %1</source>
      <translation>已售卡：%1</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="34" />
      <source>Card stock</source>
      <translation>卡库存</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="47" />
      <source>Issue this card</source>
      <translation>发放此卡</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="51" />
      <source>Sell this card at face (cash)</source>
      <translation>按面值售出此卡（现金）</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="57" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="61" />
      <source>Sell on terms...</source>
      <translation>按条件售卡……</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="65" />
      <source>Give by the spending rule</source>
      <translation>按消费额赠卡</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="89" />
      <source>No cards registered to this store</source>
      <translation>本店没有登记的卡</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="109" />
      <source>a top-up</source>
      <translation>充值</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="120" />
      <source>Topped up: balance %1</source>
      <translation>充值成功：余额 %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="22" />
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="22" />
      <source>Bank card</source>
      <translation>银行卡</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="22" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="26" />
      <source>Top up</source>
      <translation>充值</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="38" />
      <source>Slip / voucher reference</source>
      <translation>签购单 / 凭证号</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="42" />
      <source>from %1 +%2</source>
      <translation>满 %1 送 %2</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="49" />
      <source>Reference</source>
      <translation>凭证号</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="52" />
      <source>Bonus ladder</source>
      <translation>充值赠送</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="53" />
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="66" />
      <source>Find a member, then enter an amount</source>
      <translation>先查询会员，再输入金额</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="81" />
      <source>Bonus: %1</source>
      <translation>赠送：%1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="82" />
      <source>Balance after: %1</source>
      <translation>充值后余额：%1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="83" />
      <source>Card cap %1; at most %2 more can be added</source>
      <translation>卡余额上限 %1；最多还可充值 %2</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="88" />
      <source>Over the cap: this top-up will be refused</source>
      <translation>超过上限：本次充值将被拒绝</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="90" />
      <source>Real-name purchase: the holder's ID number must be on file</source>
      <translation>实名购卡：须登记持卡人身份证号</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Enter</source>
      <translation>确认</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Delete the last digit</source>
      <translation>删除最后一位</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <location filename="../operations/returns.py" line="43" />
      <source>%1 is a refund; give the original sale</source>
      <translation>%1 是退货单，请输入原销售小票号</translation>
    </message>
    <message>
      <location filename="../parked.py" line="18" />
      <source>Recall a parked cart</source>
      <translation>取单</translation>
    </message>
    <message>
      <location filename="../parked.py" line="22" />
      <source>Parked carts: choose one and press Enter</source>
      <translation>挂起的单：选择一单后按回车</translation>
    </message>
    <message>
      <location filename="../parked.py" line="30" />
      <source>no member</source>
      <translation>未关联会员</translation>
    </message>
    <message>
      <location filename="../parked.py" line="32" />
      <source>No. %1 · %2 · by %3 · %4 · %5 items · %6</source>
      <translation>第 %1 单 · %2 · 收银员 %3 · %4 · %5 件 · %6</translation>
    </message>
    <message>
      <location filename="../payment.py" line="122" />
      <source>Staff code of the assistant (optional)</source>
      <translation>导购工号（可选）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="125" />
      <source>Tenders</source>
      <translation>支付明细</translation>
    </message>
    <message>
      <location filename="../payment.py" line="134" />
      <source>Credited to</source>
      <translation>业绩归属</translation>
    </message>
    <message>
      <location filename="../payment.py" line="144" />
      <source>No gift for points</source>
      <translation>不兑换礼品</translation>
    </message>
    <message>
      <location filename="../payment.py" line="153" />
      <source>Membership offered to the customer</source>
      <translation>已邀请顾客入会</translation>
    </message>
    <message>
      <location filename="../payment.py" line="161" />
      <source>Amount (empty: the rest)</source>
      <translation>金额（留空：支付剩余）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="171" />
      <source>Present the member card, or type its number</source>
      <translation>出示会员卡，或输入卡号</translation>
    </message>
    <message>
      <location filename="../payment.py" line="181" />
      <source>Member card</source>
      <translation>会员卡</translation>
    </message>
    <message>
      <location filename="../payment.py" line="195" />
      <source>Remove last</source>
      <translation>删除上一笔</translation>
    </message>
    <message>
      <location filename="../payment.py" line="204" />
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <location filename="../payment.py" line="206" />
      <source>Complete</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../payment.py" line="242" />
      <source>Member %1: %2 points (up to %3 usable here), stored value %4</source>
      <translation>会员 %1：积分 %2（本单最多可用 %3），储值 %4</translation>
    </message>
    <message>
      <location filename="../payment.py" line="249" />
      <source>No member: points and stored value need a member</source>
      <translation>未关联会员：积分和储值需要会员</translation>
    </message>
    <message>
      <location filename="../payment.py" line="253" />
      <source>Paid wholly from stored value: %1 (saves %2)</source>
      <translation>全额储值支付：%1（再省 %2）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="285" />
      <source>Gift: %1 (value %2)</source>
      <translation>赠品：%1（价值 %2）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="288" />
      <source>No gift for %1: out of stock</source>
      <translation>%1 赠品已无库存</translation>
    </message>
    <message>
      <location filename="../payment.py" line="313" />
      <source>%1 (value %2)</source>
      <translation>%1（价值 %2）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="318" />
      <source>Gift of %1</source>
      <translation>赠品（%1）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="356" />
      <source>Scanned %1: take back the tenders (Ctrl+R) or go back to the cart (Esc) to add goods</source>
      <translation>扫描到 %1：要加商品，请先撤回支付（Ctrl+R）或返回购物车（Esc）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="428" />
      <source>The stored-value pay discount (%1) is lost: %2 pays part of this sale, and the discount applies only when stored value pays all but points</source>
      <translation>将失去储值支付优惠（%1）：本单有一部分由%2支付，而储值支付优惠只在除积分外全部用储值支付时才有</translation>
    </message>
    <message>
      <location filename="../payment.py" line="460" />
      <source>Still due: %1</source>
      <translation>还需支付：%1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="462" />
      <source>Change: %1</source>
      <translation>找零：%1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="473" />
      <source>Nothing is left to pay</source>
      <translation>已付清</translation>
    </message>
    <message>
      <location filename="../payment.py" line="478" />
      <source>No points can pay this sale: %1</source>
      <translation>本单不能用积分支付：%1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="488" />
      <source>Present the member card (swipe, tap or insert)</source>
      <translation>请出示会员卡（刷卡、感应或插卡）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="509" />
      <source>Enter the bank-card slip reference</source>
      <translation>请输入银行卡签购单号</translation>
    </message>
    <message>
      <location filename="../payment.py" line="525" />
      <source>The card may pay at most %1 of this sale: %2</source>
      <translation>此卡本单最多可付 %1：%2</translation>
    </message>
    <message>
      <location filename="../payment.py" line="537" />
      <source>%1 points held; points may pay at most %2 of this sale</source>
      <translation>会员有 %1 积分；本单积分最多抵 %2</translation>
    </message>
    <message>
      <location filename="../payment.py" line="560" />
      <source>This card belongs to another member</source>
      <translation>这张卡属于其他会员</translation>
    </message>
    <message>
      <location filename="../payment.py" line="582" />
      <source>Not paid yet: %1 still due</source>
      <translation>尚未付清：还差 %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="60" />
      <source>Payment</source>
      <translation>付款</translation>
    </message>
    <message>
      <location filename="../payment.py" line="63" />
      <source>Pay with points</source>
      <translation>积分支付</translation>
    </message>
    <message>
      <location filename="../payment.py" line="64" />
      <source>Pay with stored value (card presented)</source>
      <translation>储值支付（需出示会员卡）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="66" />
      <source>Bank card (reference)</source>
      <translation>银行卡（凭证号）</translation>
    </message>
    <message>
      <location filename="../payment.py" line="67" />
      <source>Other tender</source>
      <translation>其他支付方式</translation>
    </message>
    <message>
      <location filename="../payment.py" line="68" />
      <source>Remove the last tender</source>
      <translation>删除上一笔支付</translation>
    </message>
    <message>
      <location filename="../payment.py" line="69" />
      <source>Complete the sale</source>
      <translation>完成交易</translation>
    </message>
    <message>
      <location filename="../payment.py" line="98" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="26" />
      <source>Scan or type the item (nothing is added to the cart)</source>
      <translation>扫描或输入商品（不会加入购物车）</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="36" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="59" />
      <source>Member price</source>
      <translation>会员价</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="62" />
      <source>Price now</source>
      <translation>现价</translation>
    </message>
    <message>
      <location filename="../returns.py" line="160" />
      <source>Refunded %1 as %2</source>
      <translation>已退款 %1，退货单 %2</translation>
    </message>
    <message>
      <location filename="../returns.py" line="160" />
      <source>Will refund %1</source>
      <translation>将退款 %1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="164" />
      <source>(%1 points back)</source>
      <translation>（退回 %1 积分）</translation>
    </message>
    <message>
      <location filename="../returns.py" line="167" />
      <source>Points taken back: %1</source>
      <translation>扣回积分：%1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="169" />
      <source>The coupon can be used again</source>
      <translation>优惠券已退回，可再次使用</translation>
    </message>
    <message>
      <location filename="../returns.py" line="178" />
      <source>Choose the lines to return</source>
      <translation>请选择要退的商品</translation>
    </message>
    <message>
      <location filename="../returns.py" line="183" />
      <source>a refund</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../returns.py" line="202" />
      <source>Refund %1 done</source>
      <translation>退货单 %1 已完成</translation>
    </message>
    <message>
      <location filename="../returns.py" line="40" />
      <source>Returns</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../returns.py" line="43" />
      <source>Receipt number (or scan the receipt's QR code)</source>
      <translation>小票号（或扫描小票二维码）</translation>
    </message>
    <message>
      <location filename="../returns.py" line="44" />
      <source>Preview what goes back</source>
      <translation>预览退款去向</translation>
    </message>
    <message>
      <location filename="../returns.py" line="45" />
      <source>Refund (supervisor)</source>
      <translation>退货（领班授权）</translation>
    </message>
    <message>
      <location filename="../returns.py" line="57" />
      <source>Receipt number, or scan the receipt's QR code</source>
      <translation>小票号，或扫描小票二维码</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Return</source>
      <translation>退</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Sold</source>
      <translation>已售</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Returned</source>
      <translation>已退</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Qty to return</source>
      <translation>退货数量</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Paid</source>
      <translation>实付</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Refund</source>
      <translation>退货</translation>
    </message>
    <message>
      <location filename="../shift.py" line="148" />
      <source>Shift</source>
      <translation>班次</translation>
    </message>
    <message>
      <location filename="../shift.py" line="151" />
      <source>Open the shift with the cash float (supervisor)</source>
      <translation>录入备用金开班（领班）</translation>
    </message>
    <message>
      <location filename="../shift.py" line="152" />
      <source>X report</source>
      <translation>X报表</translation>
    </message>
    <message>
      <location filename="../shift.py" line="153" />
      <source>Close with the cash count and Z report (supervisor)</source>
      <translation>清点现金交班并打印Z报表（领班）</translation>
    </message>
    <message>
      <location filename="../shift.py" line="169" />
      <source>Cash counted</source>
      <translation>清点现金</translation>
    </message>
    <message>
      <location filename="../shift.py" line="178" />
      <source>Close shift, Z report</source>
      <translation>交班结账（Z报表）</translation>
    </message>
    <message>
      <location filename="../shift.py" line="219" />
      <source>Shift %1 open since %2 by %3, float %4</source>
      <translation>第 %1 班 %2 由 %3 开班，备用金 %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="243" />
      <source>Shift %1 opened</source>
      <translation>第 %1 班已开班</translation>
    </message>
    <message>
      <location filename="../shift.py" line="277" />
      <source>Shift %1 closed; expected %2, counted %3, difference %4</source>
      <translation>第 %1 班已交班；应有 %2，实点 %3，差额 %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="71" />
      <source>No shift is open</source>
      <translation>当前没有开班</translation>
    </message>
    <message>
      <location filename="../shift.py" line="74" />
      <source>No shift is open: %1 needs one. Open a shift now?</source>
      <translation>当前没有开班：%1需要先开班。现在开班吗？</translation>
    </message>
    <message>
      <location filename="../shift.py" line="80" />
      <source>Cash put in the drawer, e.g. 500</source>
      <translation>放入钱箱的备用金，例如 500</translation>
    </message>
    <message>
      <location filename="../shift.py" line="81" />
      <source>Cash float</source>
      <translation>备用金</translation>
    </message>
    <message>
      <location filename="../shift.py" line="88" />
      <source>Open shift</source>
      <translation>开班</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="179" />
      <source>Day %1</source>
      <translation>日报 %1</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="181" />
      <source>Month %1 (%2 to %3)</source>
      <translation>月报 %1（%2 至 %3）</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="183" />
      <source>%1 staff with figures</source>
      <translation>共 %1 名员工有业绩</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="200" />
      <source>No sales, enrollments or commission in this period</source>
      <translation>本期间没有销售、入会或提成</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="35" />
      <source>Staff</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="37" />
      <source>Sales ¥</source>
      <translation>销售额 ¥</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="38" />
      <source>Orders</source>
      <translation>单数</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="39" />
      <source>VIP share</source>
      <translation>会员占比</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="40" />
      <source>Enrollments</source>
      <translation>入会数</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="41" />
      <source>Commission ¥</source>
      <translation>提成 ¥</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="42" />
      <source>Not credited</source>
      <translation>不计业绩</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="63" />
      <source>Back office (command line, no staff code)</source>
      <translation>后台（命令行，无工号）</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="72" />
      <source>Staff performance</source>
      <translation>员工业绩</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="76" />
      <source>The report for a day</source>
      <translation>按日查看业绩</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="77" />
      <source>The report for the month</source>
      <translation>按月查看业绩</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="78" />
      <source>Read the figures again</source>
      <translation>重新读取业绩</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="87" />
      <source>Day</source>
      <translation>按日</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="89" />
      <source>Month</source>
      <translation>按月</translation>
    </message>
    <message>
      <location filename="../status.py" line="36" />
      <source>not registered with an HQ</source>
      <translation>未在总部注册</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>balance slip</source>
      <extracomment>action.balance_slip</extracomment>
      <translation>余额单</translation>
    </message>
    <message>
      <source>bind card</source>
      <extracomment>action.bind_card</extracomment>
      <translation>绑卡</translation>
    </message>
    <message>
      <source>block card</source>
      <extracomment>action.block_card</extracomment>
      <translation>挂失</translation>
    </message>
    <message>
      <source>card batch</source>
      <extracomment>action.card_batch</extracomment>
      <translation>制卡批次</translation>
    </message>
    <message>
      <source>card expiry</source>
      <extracomment>action.card_expire</extracomment>
      <translation>卡过期处理</translation>
    </message>
    <message>
      <source>card given by a spending rule</source>
      <extracomment>action.card_grant</extracomment>
      <translation>按消费规则赠卡</translation>
    </message>
    <message>
      <source>card receive</source>
      <extracomment>action.card_receive</extracomment>
      <translation>卡片入库</translation>
    </message>
    <message>
      <source>unused card taken back</source>
      <extracomment>action.card_return</extracomment>
      <translation>退回未使用的卡</translation>
    </message>
    <message>
      <source>card sale</source>
      <extracomment>action.card_sale</extracomment>
      <translation>售卡</translation>
    </message>
    <message>
      <source>card sale below face</source>
      <extracomment>action.card_sale_discount</extracomment>
      <translation>折价售卡</translation>
    </message>
    <message>
      <source>card stock</source>
      <extracomment>action.card_stock</extracomment>
      <translation>卡片库存</translation>
    </message>
    <message>
      <source>catalog import</source>
      <extracomment>action.catalog_import</extracomment>
      <translation>商品导入</translation>
    </message>
    <message>
      <source>chip holder data</source>
      <extracomment>action.chip_data</extracomment>
      <translation>芯片持卡人数据</translation>
    </message>
    <message>
      <source>close shift</source>
      <extracomment>action.close_shift</extracomment>
      <translation>交班</translation>
    </message>
    <message>
      <source>enroll</source>
      <extracomment>action.enroll</extracomment>
      <translation>办卡</translation>
    </message>
    <message>
      <source>service grant</source>
      <extracomment>action.entitlement_grant</extracomment>
      <translation>赠送权益</translation>
    </message>
    <message>
      <source>service use</source>
      <extracomment>action.entitlement_use</extracomment>
      <translation>使用权益</translation>
    </message>
    <message>
      <source>gift for points</source>
      <extracomment>action.gift_redeem</extracomment>
      <translation>积分兑换礼品</translation>
    </message>
    <message>
      <source>gift stock change</source>
      <extracomment>action.gift_stock</extracomment>
      <translation>礼品库存变动</translation>
    </message>
    <message>
      <source>gift stock view</source>
      <extracomment>action.gift_view</extracomment>
      <translation>查看礼品库存</translation>
    </message>
    <message>
      <source>group enrollment</source>
      <extracomment>action.group_enroll</extracomment>
      <translation>团体集体办卡</translation>
    </message>
    <message>
      <source>manage staff</source>
      <extracomment>action.manage_staff</extracomment>
      <translation>员工管理</translation>
    </message>
    <message>
      <source>manual discount</source>
      <extracomment>action.manual_discount</extracomment>
      <translation>手工折扣</translation>
    </message>
    <message>
      <source>open shift</source>
      <extracomment>action.open_shift</extracomment>
      <translation>开班</translation>
    </message>
    <message>
      <source>points transfer</source>
      <extracomment>action.points_transfer</extracomment>
      <translation>积分转赠</translation>
    </message>
    <message>
      <source>price override</source>
      <extracomment>action.price_override</extracomment>
      <translation>改价</translation>
    </message>
    <message>
      <source>refund</source>
      <extracomment>action.refund</extracomment>
      <translation>退货</translation>
    </message>
    <message>
      <source>replace card</source>
      <extracomment>action.replace_card</extracomment>
      <translation>补卡</translation>
    </message>
    <message>
      <source>reprint</source>
      <extracomment>action.reprint</extracomment>
      <translation>重打小票</translation>
    </message>
    <message>
      <source>sale</source>
      <extracomment>action.sale</extracomment>
      <translation>销售</translation>
    </message>
    <message>
      <source>staff report</source>
      <extracomment>action.staff_report</extracomment>
      <translation>员工业绩报表</translation>
    </message>
    <message>
      <source>tier review</source>
      <extracomment>action.tier_review</extracomment>
      <translation>等级评审</translation>
    </message>
    <message>
      <source>top-up</source>
      <extracomment>action.topup</extracomment>
      <translation>充值</translation>
    </message>
    <message>
      <source>void after payment</source>
      <extracomment>action.void_after_payment</extracomment>
      <translation>付款后作废</translation>
    </message>
    <message>
      <source>void line</source>
      <extracomment>action.void_line</extracomment>
      <translation>删除商品行</translation>
    </message>
    <message>
      <source>{path} is damaged (integrity check: {detail}); nothing was changed</source>
      <extracomment>backup.damaged</extracomment>
      <translation>{path} 已损坏（完整性检查：{detail}）；未做任何更改</translation>
    </message>
    <message>
      <source>keep at least one backup</source>
      <extracomment>backup.keep_one</extracomment>
      <translation>至少保留一份备份</translation>
    </message>
    <message>
      <source>{detail}; nothing was changed (--force to restore anyway)</source>
      <extracomment>backup.key_problem</extracomment>
      <translation>{detail}；未做任何更改（加 --force 强制恢复）</translation>
    </message>
    <message>
      <source>that is the live ledger itself; give a backup file</source>
      <extracomment>backup.live_ledger</extracomment>
      <translation>这是正在使用的账本本身；请指定备份文件</translation>
    </message>
    <message>
      <source>{path} is not a terminal ledger (no {tables} table)</source>
      <extracomment>backup.missing_tables</extracomment>
      <translation>{path} 不是终端账本（缺少 {tables} 表）</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <extracomment>backup.no_file</extracomment>
      <translation>{path}：文件不存在</translation>
    </message>
    <message>
      <source>{path} is not a set-up terminal ledger (no terminal_info row)</source>
      <extracomment>backup.not_set_up</extracomment>
      <translation>{path} 不是已设置的终端账本（缺少 terminal_info 行）</translation>
    </message>
    <message>
      <source>{path} is not a terminal ledger (not an SQLite database)</source>
      <extracomment>backup.not_sqlite</extracomment>
      <translation>{path} 不是终端账本（不是 SQLite 数据库）</translation>
    </message>
    <message>
      <source>{path} belongs to {theirs}, this data folder to {mine}; nothing was changed (--force to restore anyway)</source>
      <extracomment>backup.other_terminal</extracomment>
      <translation>{path} 属于 {theirs}，本数据目录属于 {mine}；未做任何更改（加 --force 强制恢复）</translation>
    </message>
    <message>
      <source>could not restore into {path}: {detail} (stop the terminal app and services first)</source>
      <extracomment>backup.restore_failed</extracomment>
      <translation>无法恢复到 {path}：{detail}（请先停止收银程序和相关服务）</translation>
    </message>
    <message>
      <source>the restored ledger failed its integrity check: {detail}</source>
      <extracomment>backup.restored_damaged</extracomment>
      <translation>恢复后的账本未通过完整性检查：{detail}</translation>
    </message>
    <message>
      <source>{path} has schema revision '{revision}', which this version of the terminal does not know (a backup from a newer version?); upgrade first</source>
      <extracomment>backup.unknown_revision</extracomment>
      <translation>{path} 的数据结构版本 '{revision}' 本版本终端无法识别（来自更新版本的备份？）；请先升级</translation>
    </message>
    <message>
      <source>{path} is not a readable terminal ledger: {detail}</source>
      <extracomment>backup.unreadable</extracomment>
      <translation>{path} 不是可读的终端账本：{detail}</translation>
    </message>
    <message>
      <source>{count} of these cards are registered or issued already: {cards}</source>
      <extracomment>card.already_registered</extracomment>
      <translation>其中 {count} 张卡已登记或已发放：{cards}</translation>
    </message>
    <message>
      <source>a batch holds 1 to {most} cards, got {count}</source>
      <extracomment>card.bad_count</extracomment>
      <translation>一个批次含 1 至 {most} 张卡，收到 {count}</translation>
    </message>
    <message>
      <source>card {card} is {status}; it cannot become {to}</source>
      <extracomment>card.bad_move</extracomment>
      <translation>卡 {card} 为{status}，不能改为{to}</translation>
    </message>
    <message>
      <source>the delivery note is not readable: {detail}</source>
      <extracomment>card.bad_note</extracomment>
      <translation>交接单无法读取：{detail}</translation>
    </message>
    <message>
      <source>the first number of a batch is 7-31 digits without its check digit, got '{start}'</source>
      <extracomment>card.bad_start</extracomment>
      <translation>批次起始号为 7-31 位数字（不含校验位），收到 '{start}'</translation>
    </message>
    <message>
      <source>batch {batch} already holds numbers {first} to {last}</source>
      <extracomment>card.batch_overlaps</extracomment>
      <translation>批次 {batch} 已含号段 {first} 至 {last}</translation>
    </message>
    <message>
      <source>card product {product} comes on {allowed}, not '{media}'</source>
      <extracomment>card.media_not_of_product</extracomment>
      <translation>卡产品 {product} 的介质为 {allowed}，不是 '{media}'</translation>
    </message>
    <message>
      <source>no batch {batch} on this terminal (receive it with its delivery note)</source>
      <extracomment>card.no_batch</extracomment>
      <translation>本终端没有批次 {batch}（请凭交接单入库）</translation>
    </message>
    <message>
      <source>no card product '{product}' in the program (it has: {known})</source>
      <extracomment>card.no_product</extracomment>
      <translation>方案中没有卡产品 '{product}'（现有：{known}）</translation>
    </message>
    <message>
      <source>card {card} is not in batch {batch}</source>
      <extracomment>card.not_in_batch</extracomment>
      <translation>卡 {card} 不在批次 {batch} 中</translation>
    </message>
    <message>
      <source>card {card} is not registered to store {store}: it cannot be issued here</source>
      <extracomment>card.not_in_stock</extracomment>
      <translation>卡 {card} 未登记到门店 {store}：不能在此发卡</translation>
    </message>
    <message>
      <source>card {card} was never registered to a store's stock</source>
      <extracomment>card.not_in_stock_anywhere</extracomment>
      <translation>卡 {card} 从未登记到任何门店库存</translation>
    </message>
    <message>
      <source>card {card} is {status}, not in stock: it cannot be issued</source>
      <extracomment>card.not_issuable</extracomment>
      <translation>卡 {card} 为{status}，不在库存中：不能发卡</translation>
    </message>
    <message>
      <source>card {card} is not a {product} card of this store's stock</source>
      <extracomment>card.not_of_product</extracomment>
      <translation>卡 {card} 不是本店库存中的 {product} 卡</translation>
    </message>
    <message>
      <source>the numbers of card product {product} begin with {prefix}</source>
      <extracomment>card.prefix</extracomment>
      <translation>卡产品 {product} 的卡号以 {prefix} 开头</translation>
    </message>
    <message>
      <source>the range {first} to {last} runs backwards</source>
      <extracomment>card.range_backwards</extracomment>
      <translation>号段 {first} 至 {last} 起止颠倒</translation>
    </message>
    <message>
      <source>{count} numbers from {start} run past its number of digits</source>
      <extracomment>card.range_overflow</extracomment>
      <translation>从 {start} 起的 {count} 个号码超出其位数</translation>
    </message>
    <message>
      <source>no card of {product} left in this store's stock</source>
      <extracomment>card.stock_empty</extracomment>
      <translation>本店库存中已没有 {product} 的卡</translation>
    </message>
    <message>
      <source>{count} {product} cards wanted; {left} left in this store's stock</source>
      <extracomment>card.stock_short</extracomment>
      <translation>需要 {count} 张 {product} 卡；本店库存仅剩 {left} 张</translation>
    </message>
    <message>
      <source>enrolled</source>
      <extracomment>cardmove.enrolled</extracomment>
      <translation>会员入会</translation>
    </message>
    <message>
      <source>validity ended</source>
      <extracomment>cardmove.expired</extracomment>
      <translation>有效期已到</translation>
    </message>
    <message>
      <source>grant {no}</source>
      <extracomment>cardmove.grant</extracomment>
      <translation>赠卡 {no}</translation>
    </message>
    <message>
      <source>lost</source>
      <extracomment>cardmove.lost</extracomment>
      <translation>挂失</translation>
    </message>
    <message>
      <source>received from batch {batch}</source>
      <extracomment>cardmove.received</extracomment>
      <translation>从批次 {batch} 入库</translation>
    </message>
    <message>
      <source>renewed by top-up</source>
      <extracomment>cardmove.renewed</extracomment>
      <translation>充值续期</translation>
    </message>
    <message>
      <source>replaces {card}</source>
      <extracomment>cardmove.replaces</extracomment>
      <translation>替换旧卡 {card}</translation>
    </message>
    <message>
      <source>returned {no}</source>
      <extracomment>cardmove.returned</extracomment>
      <translation>退卡 {no}</translation>
    </message>
    <message>
      <source>sale {no}</source>
      <extracomment>cardmove.sale</extracomment>
      <translation>销售单 {no}</translation>
    </message>
    <message>
      <source>supplementary card</source>
      <extracomment>cardmove.supplementary</extracomment>
      <translation>附属卡</translation>
    </message>
    <message>
      <source>card sale {sale} was returned already ({ret})</source>
      <extracomment>cardreturn.already</extracomment>
      <translation>售卡单 {sale} 已退卡（{ret}）</translation>
    </message>
    <message>
      <source>card {card} is {status}: it cannot be returned</source>
      <extracomment>cardreturn.card_not_active</extracomment>
      <translation>卡 {card} 状态为{status}，不能退卡</translation>
    </message>
    <message>
      <source>{sale} gave a card by a spending rule: it was not sold and is not returned</source>
      <extracomment>cardreturn.granted</extracomment>
      <translation>{sale} 是按消费规则赠送的卡，并非售出，不能退卡</translation>
    </message>
    <message>
      <source>no card sale {ref} at this terminal (give its receipt or a card of it)</source>
      <extracomment>cardreturn.no_sale</extracomment>
      <translation>本终端没有售卡单 {ref}（请给出售卡单号或其中一张卡号）</translation>
    </message>
    <message>
      <source>cards of {product} are not taken back once sold</source>
      <extracomment>cardreturn.not_returnable</extracomment>
      <translation>{product} 卡售出后不予退卡</translation>
    </message>
    <message>
      <source>a service card {card} brought has been used: it cannot be returned</source>
      <extracomment>cardreturn.service_used</extracomment>
      <translation>卡 {card} 附带的服务已使用，不能退卡</translation>
    </message>
    <message>
      <source>card {card} has a supplementary card: it cannot be returned</source>
      <extracomment>cardreturn.supplementary</extracomment>
      <translation>卡 {card} 已办附属卡，不能退卡</translation>
    </message>
    <message>
      <source>card sale {sale} of {sold} is past the {days} day(s) within which its cards are taken back</source>
      <extracomment>cardreturn.too_late</extracomment>
      <translation>售卡单 {sale}（{sold}）已超过 {days} 天的退卡期限</translation>
    </message>
    <message>
      <source>card {card} has been used (its stored value moved): it cannot be returned</source>
      <extracomment>cardreturn.used</extracomment>
      <translation>卡 {card} 已使用（储值有变动），不能退卡</translation>
    </message>
    <message>
      <source>a {product} card is anonymous: it takes no holder</source>
      <extracomment>cardsale.anonymous_holder</extracomment>
      <translation>{product} 卡为不记名卡：不登记持卡人</translation>
    </message>
    <message>
      <source>one purchase takes 1 to {most} cards, got {count}</source>
      <extracomment>cardsale.bad_count</extracomment>
      <translation>一次购买 1 至 {most} 张卡，收到 {count}</translation>
    </message>
    <message>
      <source>a card's price must be above zero and at most its face {face}, got {price}</source>
      <extracomment>cardsale.bad_price</extracomment>
      <translation>卡的售价须大于零且不超过面值 {face}，收到 {price}</translation>
    </message>
    <message>
      <source>{product} may be sold at {lowest} at the least, not {price}</source>
      <extracomment>cardsale.below_lowest</extracomment>
      <translation>{product} 最低售价为 {lowest}，不能以 {price} 出售</translation>
    </message>
    <message>
      <source>the buyer's name goes with the buyer's ID number</source>
      <extracomment>cardsale.buyer_name</extracomment>
      <translation>请同时提供购卡人姓名和身份证号</translation>
    </message>
    <message>
      <source>the member was given a {product} card this year ({sale})</source>
      <extracomment>cardsale.granted_already</extracomment>
      <translation>该会员今年已获赠 {product} 卡（{sale}）</translation>
    </message>
    <message>
      <source>a {product} card is registered: sell one card at a time to its holder (--holder card or phone)</source>
      <extracomment>cardsale.needs_holder</extracomment>
      <translation>{product} 卡为记名卡：每次向持卡人出售一张（--holder 卡号或手机号）</translation>
    </message>
    <message>
      <source>card product {product} is not given by a spending rule</source>
      <extracomment>cardsale.not_granted</extracomment>
      <translation>卡产品 {product} 不按消费规则赠送</translation>
    </message>
    <message>
      <source>a purchase of cards of {amount} reaches the real-name threshold {threshold}: give the buyer's name and ID number</source>
      <extracomment>cardsale.real_name</extracomment>
      <translation>购卡金额 {amount} 达到实名门槛 {threshold}：请提供购卡人姓名和身份证号</translation>
    </message>
    <message>
      <source>the member spent {spent} in 12 months; {product} is given from {threshold}</source>
      <extracomment>cardsale.spend_short</extracomment>
      <translation>该会员 12 个月消费 {spent}；{product} 须消费满 {threshold} 才赠送</translation>
    </message>
    <message>
      <source>barcode '{barcode}' is not a valid EAN-13, EAN-8 or UPC-A</source>
      <extracomment>catalog.bad_barcode</extracomment>
      <translation>条码 '{barcode}' 不是有效的 EAN-13、EAN-8 或 UPC-A</translation>
    </message>
    <message>
      <source>catalog file is not valid CSV at line {line}: {detail}</source>
      <extracomment>catalog.bad_csv</extracomment>
      <translation>商品文件在第 {line} 行不是有效的 CSV：{detail}</translation>
    </message>
    <message>
      <source>{file}: not UTF-8 or GB18030 text</source>
      <extracomment>catalog.bad_encoding</extracomment>
      <translation>{file}：不是 UTF-8 或 GB18030 文本</translation>
    </message>
    <message>
      <source>member_discount must be yes or no, got '{value}'</source>
      <extracomment>catalog.bad_member_discount</extracomment>
      <translation>member_discount 须为 yes 或 no，收到 '{value}'</translation>
    </message>
    <message>
      <source>member_price '{price}' is not an amount in yuan</source>
      <extracomment>catalog.bad_member_price</extracomment>
      <translation>会员价 '{price}' 不是以元为单位的金额</translation>
    </message>
    <message>
      <source>price '{price}' is not an amount in yuan</source>
      <extracomment>catalog.bad_price</extracomment>
      <translation>价格 '{price}' 不是以元为单位的金额</translation>
    </message>
    <message>
      <source>catalog not imported, {count} bad row(s) of {rows}{more}: {problems}</source>
      <extracomment>catalog.bad_rows</extracomment>
      <translation>商品未导入，{rows} 行中有 {count} 行有误{more}：{problems}</translation>
    </message>
    <message>
      <source>barcode {barcode} repeats row {row}</source>
      <extracomment>catalog.barcode_repeats</extracomment>
      <translation>条码 {barcode} 与第 {row} 行重复</translation>
    </message>
    <message>
      <source>barcode {barcode} would belong to both {first} and {second}</source>
      <extracomment>catalog.barcode_two_skus</extracomment>
      <translation>条码 {barcode} 将同时属于 {first} 和 {second}</translation>
    </message>
    <message>
      <source>category must be 1-40 characters</source>
      <extracomment>catalog.category_length</extracomment>
      <translation>品类须为1-40个字符</translation>
    </message>
    <message>
      <source>the code holds control or direction characters (such as U+202E)</source>
      <extracomment>catalog.code_control_characters</extracomment>
      <translation>编码含有控制字符或文字方向字符（如 U+202E）</translation>
    </message>
    <message>
      <source>{column} holds control or direction characters (such as U+202E); remove them</source>
      <extracomment>catalog.control_characters</extracomment>
      <translation>{column} 含有控制字符或文字方向字符（如 U+202E），请删除</translation>
    </message>
    <message>
      <source>catalog file is empty</source>
      <extracomment>catalog.empty</extracomment>
      <translation>商品文件为空</translation>
    </message>
    <message>
      <source>member_price must be between 0 and the price</source>
      <extracomment>catalog.member_price_range</extracomment>
      <translation>会员价须在 0 与售价之间</translation>
    </message>
    <message>
      <source>catalog header lacks column(s): {missing} (found: {found})</source>
      <extracomment>catalog.missing_columns</extracomment>
      <translation>商品文件表头缺少列：{missing}（现有：{found}）</translation>
    </message>
    <message>
      <source> (and {count} more)</source>
      <extracomment>catalog.more</extracomment>
      <translation>（另有 {count} 行）</translation>
    </message>
    <message>
      <source>name must be 1-120 characters</source>
      <extracomment>catalog.name_length</extracomment>
      <translation>品名须为1-120个字符</translation>
    </message>
    <message>
      <source>catalog file has no items</source>
      <extracomment>catalog.no_items</extracomment>
      <translation>商品文件没有商品</translation>
    </message>
    <message>
      <source>catalog file not found: {path}</source>
      <extracomment>catalog.not_found</extracomment>
      <translation>找不到商品文件：{path}</translation>
    </message>
    <message>
      <source>price is negative</source>
      <extracomment>catalog.price_negative</extracomment>
      <translation>价格为负数</translation>
    </message>
    <message>
      <source>row {row}: {problems}</source>
      <extracomment>catalog.row</extracomment>
      <translation>第 {row} 行：{problems}</translation>
    </message>
    <message>
      <source>row {row}: {fields} fields, expected {expected}</source>
      <extracomment>catalog.row_fields</extracomment>
      <translation>第 {row} 行：{fields} 个字段，应为 {expected} 个</translation>
    </message>
    <message>
      <source>sku '{sku}' has digits of another script; use 0-9</source>
      <extracomment>catalog.sku_digits</extracomment>
      <translation>货号“{sku}”含有其他文字的数字，请使用 0-9</translation>
    </message>
    <message>
      <source>sku must be 1-40 characters</source>
      <extracomment>catalog.sku_length</extracomment>
      <translation>货号须为1-40个字符</translation>
    </message>
    <message>
      <source>sku {sku} repeats row {row}</source>
      <extracomment>catalog.sku_repeats</extracomment>
      <translation>货号 {sku} 与第 {row} 行重复</translation>
    </message>
    <message>
      <source>the chip of card {card} does not match its holder: refused</source>
      <extracomment>chip.bad_check</extracomment>
      <translation>卡 {card} 的芯片与持卡人不符：拒绝使用</translation>
    </message>
    <message>
      <source>the card reader: {detail}</source>
      <extracomment>chip.device</extracomment>
      <translation>读卡器：{detail}</translation>
    </message>
    <message>
      <source>the chip carries no holder record: write it at the member counter</source>
      <extracomment>chip.no_record</extracomment>
      <translation>芯片中没有持卡人记录：请到会员服务台写入</translation>
    </message>
    <message>
      <source>the chip of card {card} carries card {written}: refused</source>
      <extracomment>chip.other_card</extracomment>
      <translation>卡 {card} 的芯片中写的是卡 {written}：拒绝使用</translation>
    </message>
    <message>
      <source>the chip's check uses key version {version}, which this terminal does not hold</source>
      <extracomment>chip.unknown_key</extracomment>
      <translation>芯片校验使用密钥版本 {version}，本终端没有该密钥</translation>
    </message>
    <message>
      <source>{what} '{text}' is not a date (YYYY-MM-DD)</source>
      <extracomment>cli.bad_date</extracomment>
      <translation>{what} '{text}' 不是日期（年-月-日）</translation>
    </message>
    <message>
      <source>--line '{text}': write N or N*QTY with whole numbers</source>
      <extracomment>cli.bad_line</extracomment>
      <translation>--line '{text}'：请写 N 或 N*数量（整数）</translation>
    </message>
    <message>
      <source>--at '{text}' is not an ISO-8601 time (e.g. 2026-11-09T14:00)</source>
      <extracomment>cli.bad_time</extracomment>
      <translation>--at '{text}' 不是 ISO-8601 时间（例如 2026-11-09T14:00）</translation>
    </message>
    <message>
      <source>--format {format} writes binary: give --out FILE</source>
      <extracomment>cli.binary_needs_out</extracomment>
      <translation>--format {format} 输出二进制：请用 --out 指定文件</translation>
    </message>
    <message>
      <source>give exactly one of --card or --phone</source>
      <extracomment>cli.card_or_phone</extracomment>
      <translation>--card 与 --phone 只能且必须给一个</translation>
    </message>
    <message>
      <source>--gift '{text}': give PROMOTION=GIFT</source>
      <extracomment>cli.gift_choice</extracomment>
      <translation>--gift “{text}”：请写成 促销代码=礼品代码</translation>
    </message>
    <message>
      <source>--item '{text}': give a barcode or SKU, e.g. 6901234567892*2</source>
      <extracomment>cli.item_code</extracomment>
      <translation>--item '{text}'：请给出条码或货号，例如 6901234567892*2</translation>
    </message>
    <message>
      <source>--item '{text}': quantity must be a whole number</source>
      <extracomment>cli.item_qty</extracomment>
      <translation>--item '{text}'：数量须为整数</translation>
    </message>
    <message>
      <source>--media-id is the chip or tag UID, for --media ic or nfc</source>
      <extracomment>cli.media_id</extracomment>
      <translation>--media-id 是芯片或标签的 UID，用于 --media ic 或 nfc</translation>
    </message>
    <message>
      <source>{what}: {problem}</source>
      <extracomment>cli.option_error</extracomment>
      <translation>{what}：{problem}</translation>
    </message>
    <message>
      <source>{option} '{text}': {problem}</source>
      <extracomment>cli.option_value</extracomment>
      <translation>{option} '{text}'：{problem}</translation>
    </message>
    <message>
      <source>--out {path}: folder {folder} does not exist</source>
      <extracomment>cli.out_no_folder</extracomment>
      <translation>--out {path}：目录 {folder} 不存在</translation>
    </message>
    <message>
      <source>--out {path}: cannot write: {detail}</source>
      <extracomment>cli.out_unwritable</extracomment>
      <translation>--out {path}：无法写入：{detail}</translation>
    </message>
    <message>
      <source>--override '{text}': write CODE=PRICE for an item of this sale</source>
      <extracomment>cli.override</extracomment>
      <translation>--override '{text}'：请写 商品码=价格，且为本单商品</translation>
    </message>
    <message>
      <source>--format png cannot be made: {detail}</source>
      <extracomment>cli.png_failed</extracomment>
      <translation>无法生成 --format png：{detail}</translation>
    </message>
    <message>
      <source>restore cancelled; nothing was changed</source>
      <extracomment>cli.restore_cancelled</extracomment>
      <translation>已取消恢复；未做任何更改</translation>
    </message>
    <message>
      <source>--tender '{text}': kind must be one of {allowed}</source>
      <extracomment>cli.tender_kind</extracomment>
      <translation>--tender '{text}'：支付方式须为 {allowed} 之一</translation>
    </message>
    <message>
      <source>--tender '{text}': write points:N with a whole number of points</source>
      <extracomment>cli.tender_points</extracomment>
      <translation>--tender '{text}'：请写 points:N，N 为整数积分</translation>
    </message>
    <message>
      <source>must be a folder path, got {value}</source>
      <extracomment>config.bad_folder</extracomment>
      <translation>须为目录路径，实为 {value}</translation>
    </message>
    <message>
      <source>must be an http:// or https:// address, got {value}</source>
      <extracomment>config.bad_hq_url</extracomment>
      <translation>须为 http:// 或 https:// 地址，实为 {value}</translation>
    </message>
    <message>
      <source>must be 1-40 letters, digits, '-' or '_', got {value}</source>
      <extracomment>config.bad_id</extracomment>
      <translation>须为 1-40 个字母、数字、'-' 或 '_'，实为 {value}</translation>
    </message>
    <message>
      <source>must be 5..10080 minutes, got {value}</source>
      <extracomment>config.bad_interval</extracomment>
      <translation>须为 5 至 10080 分钟，实为 {value}</translation>
    </message>
    <message>
      <source>{path}: {problem} (pos config check lists every problem)</source>
      <extracomment>config.broken</extracomment>
      <translation>{path}：{problem}（pos config check 列出全部问题）</translation>
    </message>
    <message>
      <source>missing key {key} (docs/devices.md)</source>
      <extracomment>config.device_missing_key</extracomment>
      <translation>缺少键 {key}（见 docs/devices.md）</translation>
    </message>
    <message>
      <source>two devices are named {name}</source>
      <extracomment>config.device_name_twice</extracomment>
      <translation>有两台设备都名为 {name}</translation>
    </message>
    <message>
      <source>{kind} with driver {driver} needs {key} (docs/devices.md)</source>
      <extracomment>config.device_needs</extracomment>
      <translation>使用驱动 {driver} 的 {kind} 需要 {key}（见 docs/devices.md）</translation>
    </message>
    <message>
      <source>not a key of a {kind} with driver {driver} (docs/devices.md)</source>
      <extracomment>config.device_unknown_key</extracomment>
      <translation>不是使用驱动 {driver} 的 {kind} 的键（见 docs/devices.md）</translation>
    </message>
    <message>
      <source>drivers for {kind}: {drivers}</source>
      <extracomment>config.drivers_for</extracomment>
      <translation>{kind} 可用的驱动：{drivers}</translation>
    </message>
    <message>
      <source>must be a table</source>
      <extracomment>config.entry_not_table</extracomment>
      <translation>须为表</translation>
    </message>
    <message>
      <source>file {path} is readable by other users (mode {mode}): chmod 600</source>
      <extracomment>config.file_readable</extracomment>
      <translation>文件 {path} 可被其他用户读取（权限 {mode}）：请执行 chmod 600</translation>
    </message>
    <message>
      <source>{path} can be opened by other users (mode {mode}): chmod 700</source>
      <extracomment>config.folder_open</extracomment>
      <translation>其他用户可以打开 {path}（权限 {mode}）：请执行 chmod 700</translation>
    </message>
    <message>
      <source>personal-data key {path} is missing</source>
      <extracomment>config.key_missing</extracomment>
      <translation>缺少个人信息密钥 {path}</translation>
    </message>
    <message>
      <source>kinds: {kinds}</source>
      <extracomment>config.kinds</extracomment>
      <translation>设备种类：{kinds}</translation>
    </message>
    <message>
      <source>must be a list, e.g. ["..."], got {value}</source>
      <extracomment>config.list</extracomment>
      <translation>须为列表，例如 ["..."]，实为 {value}</translation>
    </message>
    <message>
      <source>missing; the terminal's data folder, e.g. /var/lib/store-pos/data</source>
      <extracomment>config.missing_data_dir</extracomment>
      <translation>缺少；收银机的数据目录，例如 /var/lib/store-pos/data</translation>
    </message>
    <message>
      <source>missing; HQ's address, e.g. hq_url = "https://hq.example.cn"</source>
      <extracomment>config.missing_hq_url</extracomment>
      <translation>缺少；总部地址，例如 hq_url = "https://hq.example.cn"</translation>
    </message>
    <message>
      <source>missing; write it as registered at HQ, e.g. {key} = "S001"</source>
      <extracomment>config.missing_id</extracomment>
      <translation>缺少；请按总部登记填写，例如 {key} = "S001"</translation>
    </message>
    <message>
      <source>no driver {driver} for kind {kind} ({hint})</source>
      <extracomment>config.no_driver</extracomment>
      <translation>种类 {kind} 没有驱动 {driver}（{hint}）</translation>
    </message>
    <message>
      <source>{path} does not exist</source>
      <extracomment>config.no_file</extracomment>
      <translation>{path} 不存在</translation>
    </message>
    <message>
      <source>{folder} holds no terminal ledger: run 'pos --data-dir {folder} init ...' (docs/operations.md)</source>
      <extracomment>config.no_ledger</extracomment>
      <translation>{folder} 中没有收银机账本：请运行 'pos --data-dir {folder} init ...'（见 docs/operations.md）</translation>
    </message>
    <message>
      <source>no printer is named {name}</source>
      <extracomment>config.no_such_printer</extracomment>
      <translation>没有名为 {name} 的打印机</translation>
    </message>
    <message>
      <source>no config file: give --config FILE or $POS_CONFIG, or write one of {places}</source>
      <extracomment>config.none</extracomment>
      <translation>没有配置文件：请用 --config 文件 或 $POS_CONFIG 指定，或写入以下之一：{places}</translation>
    </message>
    <message>
      <source>must be an absolute path, got {value}</source>
      <extracomment>config.not_absolute</extracomment>
      <translation>须为绝对路径，实为 {value}</translation>
    </message>
    <message>
      <source>must be an array of tables: [[{table}]]</source>
      <extracomment>config.not_array</extracomment>
      <translation>须为表数组：[[{table}]]</translation>
    </message>
    <message>
      <source>must be a table: [{table}]</source>
      <extracomment>config.not_table</extracomment>
      <translation>须为表：[{table}]</translation>
    </message>
    <message>
      <source>not valid TOML: {detail}</source>
      <extracomment>config.not_toml</extracomment>
      <translation>不是有效的 TOML：{detail}</translation>
    </message>
    <message>
      <source>{path} is not writable by this user</source>
      <extracomment>config.not_writable</extracomment>
      <translation>当前用户无法写入 {path}</translation>
    </message>
    <message>
      <source>{path}: config ok ({devices} device(s))</source>
      <extracomment>config.ok</extracomment>
      <translation>{path}：配置正确（{devices} 台设备）</translation>
    </message>
    <message>
      <source>must be one of {allowed}, got {value}</source>
      <extracomment>config.one_of</extracomment>
      <translation>须为 {allowed} 之一，实为 {value}</translation>
    </message>
    <message>
      <source>is {mine} but the ledger in {folder} belongs to {key} {theirs}</source>
      <extracomment>config.other_ledger</extracomment>
      <translation>为 {mine}，但 {folder} 中的账本属于 {key} {theirs}</translation>
    </message>
    <message>
      <source>{path} is not readable and writable by this user (groups dialout and pos; udev rule 60-store-pos.rules)</source>
      <extracomment>config.port_access</extracomment>
      <translation>当前用户无法读写 {path}（需加入 dialout 和 pos 组；udev 规则 60-store-pos.rules）</translation>
    </message>
    <message>
      <source>{path} does not exist (plugged in? ls /dev/serial/by-id/)</source>
      <extracomment>config.port_missing</extracomment>
      <translation>{path} 不存在（设备已插好吗？请查看 ls /dev/serial/by-id/）</translation>
    </message>
    <message>
      <source>{key}: {problem}</source>
      <extracomment>config.problem</extracomment>
      <translation>{key}：{problem}</translation>
    </message>
    <message>
      <source>line {line}: {key}: {problem}</source>
      <extracomment>config.problem_at</extracomment>
      <translation>第 {line} 行：{key}：{problem}</translation>
    </message>
    <message>
      <source>{count} problem(s)</source>
      <extracomment>config.problem_count</extracomment>
      <translation>共 {count} 个问题</translation>
    </message>
    <message>
      <source>secret {path} belongs to uid {uid}, not to the user running the terminal (uid {me})</source>
      <extracomment>config.secret_owner</extracomment>
      <translation>密钥文件 {path} 属于 uid {uid}，而不是运行收银机的用户（uid {me}）</translation>
    </message>
    <message>
      <source>secret {path} is readable by other users (mode {mode}): chmod 600</source>
      <extracomment>config.secret_readable</extracomment>
      <translation>其他用户可以读取密钥文件 {path}（权限 {mode}）：请执行 chmod 600</translation>
    </message>
    <message>
      <source>must be a serial device path in quotes, e.g. "/dev/ttyUSB0", got {value}</source>
      <extracomment>config.serial_port</extracomment>
      <translation>须为带引号的串口设备路径，例如 "/dev/ttyUSB0"，实为 {value}</translation>
    </message>
    <message>
      <source>must be a TCP port number, got {value}</source>
      <extracomment>config.tcp_port</extracomment>
      <translation>须为 TCP 端口号，实为 {value}</translation>
    </message>
    <message>
      <source>must be a string in quotes, got {value}</source>
      <extracomment>config.text</extracomment>
      <translation>须为带引号的字符串，实为 {value}</translation>
    </message>
    <message>
      <source>unknown key (known: {known})</source>
      <extracomment>config.unknown_key</extracomment>
      <translation>未知的键（可用：{known}）</translation>
    </message>
    <message>
      <source>cannot read {path}: {detail}</source>
      <extracomment>config.unreadable</extracomment>
      <translation>无法读取 {path}：{detail}</translation>
    </message>
    <message>
      <source>must be a whole number, got {value}</source>
      <extracomment>config.whole</extracomment>
      <translation>须为整数，实为 {value}</translation>
    </message>
    <message>
      <source>must be a whole number of at least {low}, got {value}</source>
      <extracomment>config.whole_at_least</extracomment>
      <translation>须为不小于 {low} 的整数，实为 {value}</translation>
    </message>
    <message>
      <source>{path} is writable by everyone; chmod o-w</source>
      <extracomment>config.world_writable</extracomment>
      <translation>{path} 任何人都可写；请执行 chmod o-w</translation>
    </message>
    <message>
      <source>must be true or false, got {value}</source>
      <extracomment>config.yes_no</extracomment>
      <translation>须为 true 或 false，实为 {value}</translation>
    </message>
    <message>
      <source>the cart is empty: nothing to cancel</source>
      <extracomment>counter.cancel_empty</extracomment>
      <translation>购物车是空的：没有可取消的</translation>
    </message>
    <message>
      <source>the reason is at most {max} characters</source>
      <extracomment>counter.reason_long</extracomment>
      <translation>原因最多 {max} 个字</translation>
    </message>
    <message>
      <source>give the reason first</source>
      <extracomment>counter.reason_needed</extracomment>
      <translation>请先填写原因</translation>
    </message>
    <message>
      <source>coupon '{coupon}' needs a spend of {min_spend} after discounts; the cart is empty: scan the goods first</source>
      <extracomment>coupon.cart_empty</extracomment>
      <translation>优惠券 '{coupon}' 需满 {min_spend}（优惠后）才能使用；购物车是空的：请先扫描商品</translation>
    </message>
    <message>
      <source>coupon '{coupon}' needs a spend of {min_spend} after discounts; this sale is {total}</source>
      <extracomment>coupon.min_spend</extracomment>
      <translation>优惠券 '{coupon}' 需折后消费满 {min_spend}；本单为 {total}</translation>
    </message>
    <message>
      <source>one coupon per receipt: coupon '{current}' is already on this sale (remove it first to use '{coupon}')</source>
      <extracomment>coupon.one_per_receipt</extracomment>
      <translation>每单限用一张优惠券：本单已用优惠券 '{current}'（要用 '{coupon}' 请先撤下它）</translation>
    </message>
    <message>
      <source>coupon '{coupon}' is valid {start} to {end}, not on {day}</source>
      <extracomment>coupon.out_of_window</extracomment>
      <translation>优惠券 '{coupon}' 有效期为 {start} 至 {end}，{day} 不能使用</translation>
    </message>
    <message>
      <source>coupon '{coupon}' is not a code of this program</source>
      <extracomment>coupon.unknown</extracomment>
      <translation>优惠券 '{coupon}' 不是本方案的券码</translation>
    </message>
    <message>
      <source>coupon '{coupon}' has already been used</source>
      <extracomment>coupon.used</extracomment>
      <translation>优惠券 '{coupon}' 已被使用</translation>
    </message>
    <message>
      <source>a service's count must be 1 to {max}, got {count}</source>
      <extracomment>entitlement.bad_count</extracomment>
      <translation>权益次数须为 1 至 {max}，输入的是 {count}</translation>
    </message>
    <message>
      <source>valid months must be 1 to 1200, got {months}</source>
      <extracomment>entitlement.bad_months</extracomment>
      <translation>有效月数须为 1 至 1200，输入的是 {months}</translation>
    </message>
    <message>
      <source>the member's {service} expired on {until}</source>
      <extracomment>entitlement.expired</extracomment>
      <translation>会员的{service}已于 {until} 过期</translation>
    </message>
    <message>
      <source>the member has no {service}</source>
      <extracomment>entitlement.none</extracomment>
      <translation>会员没有{service}权益</translation>
    </message>
    <message>
      <source>a service granted by hand needs a reason</source>
      <extracomment>entitlement.reason</extracomment>
      <translation>手工赠送权益须填写原因</translation>
    </message>
    <message>
      <source>no service '{service}' in the program (services: {known})</source>
      <extracomment>entitlement.unknown_service</extracomment>
      <translation>方案中没有服务“{service}”（现有服务：{known}）</translation>
    </message>
    <message>
      <source>no active staff member {staff}</source>
      <extracomment>entitlement.unknown_staff</extracomment>
      <translation>没有在职员工 {staff}</translation>
    </message>
    <message>
      <source>the member's {service} is used up</source>
      <extracomment>entitlement.used_up</extracomment>
      <translation>会员的{service}已用完</translation>
    </message>
    <message>
      <source>the copy of {path} failed its integrity check: {detail}</source>
      <extracomment>folder.copy_damaged</extracomment>
      <translation>{path} 的副本未通过完整性检查：{detail}</translation>
    </message>
    <message>
      <source>{path} already exists; nothing was written</source>
      <extracomment>folder.exists</extracomment>
      <translation>{path} 已存在；未写入任何内容</translation>
    </message>
    <message>
      <source>a counted stock must be 0 to {max}, got {qty}</source>
      <extracomment>gift.bad_count</extracomment>
      <translation>盘点数量须为 0 至 {max}，输入的是 {qty}</translation>
    </message>
    <message>
      <source>gift quantity must be 1 to {max}, got {qty}</source>
      <extracomment>gift.bad_qty</extracomment>
      <translation>礼品数量须为 1 至 {max}，输入的是 {qty}</translation>
    </message>
    <message>
      <source>a stock count needs a reason</source>
      <extracomment>gift.count_reason</extracomment>
      <translation>盘点须填写原因</translation>
    </message>
    <message>
      <source>no gift-with-purchase promotion {promotion} applies to this sale</source>
      <extracomment>gift.no_promotion</extracomment>
      <translation>本单不适用满赠活动 {promotion}</translation>
    </message>
    <message>
      <source>gift {gift} ({code}) cannot be had for points</source>
      <extracomment>gift.not_for_points</extracomment>
      <translation>礼品 {gift}（{code}）不可用积分兑换</translation>
    </message>
    <message>
      <source>gift {gift} is not one of promotion {promotion}'s gifts ({gifts})</source>
      <extracomment>gift.not_offered</extracomment>
      <translation>礼品 {gift} 不在活动 {promotion} 的赠品中（可选：{gifts}）</translation>
    </message>
    <message>
      <source>gift {gift} ({code}) is out of stock in this store</source>
      <extracomment>gift.out_of_stock</extracomment>
      <translation>本店礼品 {gift}（{code}）已无库存</translation>
    </message>
    <message>
      <source>a gift for points needs a member card</source>
      <extracomment>gift.points_need_member</extracomment>
      <translation>积分兑换礼品需要会员卡</translation>
    </message>
    <message>
      <source>no gift '{gift}' in the program (gifts: {known})</source>
      <extracomment>gift.unknown</extracomment>
      <translation>方案中没有礼品“{gift}”（现有礼品：{known}）</translation>
    </message>
    <message>
      <source>birthday '{birthday}' is not a date (YYYY-MM-DD)</source>
      <extracomment>group.bad_birthday</extracomment>
      <translation>生日 '{birthday}' 不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <source>{bad} of {rows} rows have problems: nothing was enrolled (the report names each; --skip-bad enrolls the others)</source>
      <extracomment>group.bad_rows</extracomment>
      <translation>{rows} 行中有 {bad} 行有问题：未办理任何会员（报告逐行列出；--skip-bad 可办理其余各行）</translation>
    </message>
    <message>
      <source>{path} is not a readable spreadsheet: {detail}</source>
      <extracomment>group.bad_xlsx</extracomment>
      <translation>{path} 不是可读取的电子表格：{detail}</translation>
    </message>
    <message>
      <source>{path} has no column {missing} in its first row</source>
      <extracomment>group.columns</extracomment>
      <translation>{path} 第一行缺少 {missing} 列</translation>
    </message>
    <message>
      <source>the ID number is also on row {row} of the file</source>
      <extracomment>group.dup_id</extracomment>
      <translation>该身份证号在文件第 {row} 行重复出现</translation>
    </message>
    <message>
      <source>phone {phone} is also on row {row} of the file</source>
      <extracomment>group.dup_phone</extracomment>
      <translation>手机号 {phone} 在文件第 {row} 行重复出现</translation>
    </message>
    <message>
      <source>{path} is empty</source>
      <extracomment>group.empty</extracomment>
      <translation>{path} 是空文件</translation>
    </message>
    <message>
      <source>{path}: not UTF-8 or GB18030 text</source>
      <extracomment>group.encoding</extracomment>
      <translation>{path}：不是 UTF-8 或 GB18030 文本</translation>
    </message>
    <message>
      <source>{path}: give a .csv or .xlsx file</source>
      <extracomment>group.file_kind</extracomment>
      <translation>{path}：请提供 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
      <source>the ID number already belongs to a member</source>
      <extracomment>group.id_taken</extracomment>
      <translation>该身份证号已属于一位会员</translation>
    </message>
    <message>
      <source>name the organisation the group comes from</source>
      <extracomment>group.organisation</extracomment>
      <translation>请填写团体所属单位名称</translation>
    </message>
    <message>
      <source>a group holds 1 to {most} rows, got {count}</source>
      <extracomment>group.rows</extracomment>
      <translation>一次团体办理 1 至 {most} 行，收到 {count} 行</translation>
    </message>
    <message>
      <source>--ahead must be 0 to 36, got {value}</source>
      <extracomment>hq.bad_ahead</extracomment>
      <translation>--ahead 须为 0 到 36，实为 {value}</translation>
    </message>
    <message>
      <source>{option}: month must be YYYY-MM, got '{value}'</source>
      <extracomment>hq.bad_month</extracomment>
      <translation>{option}：月份须为 YYYY-MM，实为“{value}”</translation>
    </message>
    <message>
      <source>{month} cannot be detached: {items} of its settlement items belong to a statement month not yet locked; lock it first</source>
      <extracomment>hq.month_unsettled</extracomment>
      <translation>{month} 不能归档：其中 {items} 条结算明细所属的结算月尚未锁定；请先锁定该结算月</translation>
    </message>
    <message>
      <source>unknown key outside [hq]; HQ reads only [hq] (move the key under it)</source>
      <extracomment>hq_config.key_outside</extracomment>
      <translation>[hq] 之外的未知键；HQ 只读取 [hq]（请把该键移到 [hq] 下）</translation>
    </message>
    <message>
      <source>must be a table: [hq]</source>
      <extracomment>hq_config.not_table</extracomment>
      <translation>须为表：[hq]</translation>
    </message>
    <message>
      <source>{path}: not valid TOML: {detail}</source>
      <extracomment>hq_config.not_toml</extracomment>
      <translation>{path}：不是有效的 TOML：{detail}</translation>
    </message>
    <message>
      <source>{path}: {key}: {problem}</source>
      <extracomment>hq_config.problem</extracomment>
      <translation>{path}：{key}：{problem}</translation>
    </message>
    <message>
      <source>{path} line {line}: {key}: {problem}</source>
      <extracomment>hq_config.problem_at</extracomment>
      <translation>{path}：第 {line} 行：{key}：{problem}</translation>
    </message>
    <message>
      <source>give both ssl_certfile and ssl_keyfile, or neither</source>
      <extracomment>hq_config.ssl_pair</extracomment>
      <translation>ssl_certfile 与 ssl_keyfile 须同时给出或都不给</translation>
    </message>
    <message>
      <source>must be a non-empty string, got {value}</source>
      <extracomment>hq_config.text</extracomment>
      <translation>须为非空字符串，实为 {value}</translation>
    </message>
    <message>
      <source>must be a time zone such as "Asia/Shanghai", got {value}</source>
      <extracomment>hq_config.timezone</extracomment>
      <translation>须为时区名称，如 "Asia/Shanghai"，实为 {value}</translation>
    </message>
    <message>
      <source>unknown section; HQ reads only [hq] (move the key under it)</source>
      <extracomment>hq_config.unknown_section</extracomment>
      <translation>未知的节；HQ 只读取 [hq]（请把键移到 [hq] 下）</translation>
    </message>
    <message>
      <source>{path}: cannot read the HQ config file: {detail}</source>
      <extracomment>hq_config.unreadable</extracomment>
      <translation>{path}：无法读取 HQ 配置文件：{detail}</translation>
    </message>
    <message>
      <source>must be a whole number from {low} to {high}, got {value}</source>
      <extracomment>hq_config.whole</extracomment>
      <translation>须为 {low} 到 {high} 之间的整数，实为 {value}</translation>
    </message>
    <message>
      <source>must be yuan such as "2000.00" (0 to 1000000.00), got {value}</source>
      <extracomment>hq_config.yuan</extracomment>
      <translation>须为以元计的金额，如 "2000.00"（0 到 1000000.00），实为 {value}</translation>
    </message>
    <message>
      <source>bank_card</source>
      <extracomment>kind.bank_card</extracomment>
      <translation>银行卡</translation>
    </message>
    <message>
      <source>cash</source>
      <extracomment>kind.cash</extracomment>
      <translation>现金</translation>
    </message>
    <message>
      <source>other</source>
      <extracomment>kind.other</extracomment>
      <translation>其他</translation>
    </message>
    <message>
      <source>points</source>
      <extracomment>kind.points</extracomment>
      <translation>积分</translation>
    </message>
    <message>
      <source>stored_value</source>
      <extracomment>kind.stored_value</extracomment>
      <translation>储值</translation>
    </message>
    <message>
      <source>address is longer than 200 characters</source>
      <extracomment>member.address_too_long</extracomment>
      <translation>地址超过 200 个字符</translation>
    </message>
    <message>
      <source>card {card} was already replaced</source>
      <extracomment>member.already_replaced</extracomment>
      <translation>卡 {card} 已补办过</translation>
    </message>
    <message>
      <source>an anonymous card takes no ID number</source>
      <extracomment>member.anonymous_id_number</extracomment>
      <translation>不记名卡不登记身份证号</translation>
    </message>
    <message>
      <source>email '{email}' is not an email address</source>
      <extracomment>member.bad_email</extracomment>
      <translation>邮箱 '{email}' 不是有效的邮箱地址</translation>
    </message>
    <message>
      <source>gender must be F or M, got '{gender}'</source>
      <extracomment>member.bad_gender</extracomment>
      <translation>性别须为 F 或 M，收到 '{gender}'</translation>
    </message>
    <message>
      <source>ID number is not a valid resident ID (GB 11643): {detail}</source>
      <extracomment>member.bad_id_number</extracomment>
      <translation>身份证号无效（GB 11643）：{detail}</translation>
    </message>
    <message>
      <source>card media must be one of {allowed}, got '{media}'</source>
      <extracomment>member.bad_media</extracomment>
      <translation>卡介质须为 {allowed} 之一，收到 '{media}'</translation>
    </message>
    <message>
      <source>{media} UID '{uid}' must be 4-10 bytes in hex</source>
      <extracomment>member.bad_uid</extracomment>
      <translation>{media} 芯片号 '{uid}' 须为4-10字节的十六进制</translation>
    </message>
    <message>
      <source>birthday {birthday} is in the future</source>
      <extracomment>member.birthday_future</extracomment>
      <translation>生日 {birthday} 在未来</translation>
    </message>
    <message>
      <source>birthday {birthday} does not match the ID number's {id_birthday}</source>
      <extracomment>member.birthday_mismatch</extracomment>
      <translation>生日 {birthday} 与身份证号中的 {id_birthday} 不符</translation>
    </message>
    <message>
      <source>card {card} is already {status}</source>
      <extracomment>member.card_already</extracomment>
      <translation>卡 {card} 已{status}</translation>
    </message>
    <message>
      <source>this terminal's block of card numbers is used up; ask HQ for another</source>
      <extracomment>member.card_block_used_up</extracomment>
      <translation>本终端的卡号段已用完；请向总部申请新的号段</translation>
    </message>
    <message>
      <source>card number {card} has a wrong check digit</source>
      <extracomment>member.card_check_digit</extracomment>
      <translation>卡号 {card} 校验位错误</translation>
    </message>
    <message>
      <source>card {card} is already issued</source>
      <extracomment>member.card_issued</extracomment>
      <translation>卡 {card} 已发行</translation>
    </message>
    <message>
      <source>card number '{card}' must be 4-32 letters or digits</source>
      <extracomment>member.card_no_format</extracomment>
      <translation>卡号 '{card}' 须为4-32位字母或数字</translation>
    </message>
    <message>
      <source>card {card} was valid until {until}: it cannot be used</source>
      <extracomment>member.card_past_validity</extracomment>
      <translation>卡 {card} 有效期至 {until}，已过期，不能使用</translation>
    </message>
    <message>
      <source>card {card} is {status}: it cannot be used</source>
      <extracomment>member.card_unusable</extracomment>
      <translation>卡 {card} {status}：不能使用</translation>
    </message>
    <message>
      <source>member {member} has no card</source>
      <extracomment>member.has_no_card</extracomment>
      <translation>会员 {member} 没有卡</translation>
    </message>
    <message>
      <source>a spend limit must be above zero</source>
      <extracomment>member.limit_not_positive</extracomment>
      <translation>消费限额须大于零</translation>
    </message>
    <message>
      <source>this {media} ({uid}) is already bound to another card</source>
      <extracomment>member.media_bound</extracomment>
      <translation>此{media}（{uid}）已绑定到另一张卡</translation>
    </message>
    <message>
      <source>name is required (or enroll an anonymous card)</source>
      <extracomment>member.name_required</extracomment>
      <translation>请填写姓名（或办理不记名卡）</translation>
    </message>
    <message>
      <source>name is longer than 60 characters</source>
      <extracomment>member.name_too_long</extracomment>
      <translation>姓名超过60个字</translation>
    </message>
    <message>
      <source>no card {card}</source>
      <extracomment>member.no_card</extracomment>
      <translation>没有卡 {card}</translation>
    </message>
    <message>
      <source>no member {member}</source>
      <extracomment>member.no_member</extracomment>
      <translation>没有会员 {member}</translation>
    </message>
    <message>
      <source>no member with phone {phone}</source>
      <extracomment>member.no_member_with_phone</extracomment>
      <translation>没有手机号为 {phone} 的会员</translation>
    </message>
    <message>
      <source>card {card} is not blocked; block it first</source>
      <extracomment>member.not_blocked</extracomment>
      <translation>卡 {card} 未挂失；请先挂失</translation>
    </message>
    <message>
      <source>phone '{phone}' is not a phone number</source>
      <extracomment>member.phone_not_a_number</extracomment>
      <translation>手机号 '{phone}' 不是电话号码</translation>
    </message>
    <message>
      <source>phone '{phone}' is not a valid mainland China number</source>
      <extracomment>member.phone_not_mainland</extracomment>
      <translation>手机号 '{phone}' 不是有效的中国大陆号码</translation>
    </message>
    <message>
      <source>phone '{phone}' is not a mainland mobile number</source>
      <extracomment>member.phone_not_mobile</extracomment>
      <translation>手机号 '{phone}' 不是中国大陆手机号</translation>
    </message>
    <message>
      <source>phone is required (or enroll an anonymous card)</source>
      <extracomment>member.phone_required</extracomment>
      <translation>请填写手机号（或办理不记名卡）</translation>
    </message>
    <message>
      <source>phone {phone} already belongs to a member</source>
      <extracomment>member.phone_taken</extracomment>
      <translation>手机号 {phone} 已是会员</translation>
    </message>
    <message>
      <source>a supplementary card hangs under a main card, not another supplementary</source>
      <extracomment>member.supplementary_of_supplementary</extracomment>
      <translation>副卡只能挂在主卡下，不能挂在另一张副卡下</translation>
    </message>
    <message>
      <source>applicant is {age}; members must be {min_age} or older</source>
      <extracomment>member.too_young</extracomment>
      <translation>申请人 {age} 岁；会员须年满 {min_age} 岁</translation>
    </message>
    <message>
      <source>{what} must be written as a string, e.g. "0.95": {value}</source>
      <extracomment>money.decimal_as_string</extracomment>
      <translation>{what} 须写成字符串，例如 "0.95"：{value}</translation>
    </message>
    <message>
      <source>{what} is not a finite number: '{text}'</source>
      <extracomment>money.decimal_not_finite</extracomment>
      <translation>{what} 不是有限数值：'{text}'</translation>
    </message>
    <message>
      <source>money must not be a float or bool: {value}</source>
      <extracomment>money.float</extracomment>
      <translation>金额不能是浮点数或布尔值：{value}</translation>
    </message>
    <message>
      <source>'{text}' has digits of another script; write the amount with 0-9</source>
      <extracomment>money.non_ascii_digits</extracomment>
      <translation>“{text}”含有其他文字的数字，金额请用 0-9 书写</translation>
    </message>
    <message>
      <source>not a money amount: {value}</source>
      <extracomment>money.not_amount</extracomment>
      <translation>不是金额：{value}</translation>
    </message>
    <message>
      <source>{what} is not a decimal number: '{text}'</source>
      <extracomment>money.not_decimal</extracomment>
      <translation>{what} 不是小数：'{text}'</translation>
    </message>
    <message>
      <source>money must be a finite amount: {value}</source>
      <extracomment>money.not_finite</extracomment>
      <translation>金额须为有限数值：{value}</translation>
    </message>
    <message>
      <source>not a money amount in yuan: '{text}' (write e.g. 1234.50)</source>
      <extracomment>money.not_yuan</extracomment>
      <translation>不是以元为单位的金额：'{text}'（例如 1234.50）</translation>
    </message>
    <message>
      <source>not a money amount in yuan: '{text}'</source>
      <extracomment>money.not_yuan_short</extracomment>
      <translation>不是以元为单位的金额：'{text}'</translation>
    </message>
    <message>
      <source>amount too large: '{text}'... (at most {digits} digits of yuan)</source>
      <extracomment>money.too_large</extracomment>
      <translation>金额过大：'{text}'…（元的整数部分最多 {digits} 位）</translation>
    </message>
    <message>
      <source>(anonymous)</source>
      <extracomment>out.anonymous</extracomment>
      <translation>（不记名）</translation>
    </message>
    <message>
      <source>audit log NOT ok:
  {problems}</source>
      <extracomment>out.audit_not_ok</extracomment>
      <translation>审计日志异常：
  {problems}</translation>
    </message>
    <message>
      <source>audit log ok</source>
      <extracomment>out.audit_ok</extracomment>
      <translation>审计日志正常</translation>
    </message>
    <message>
      <source>backup not due yet</source>
      <extracomment>out.backup_not_due</extracomment>
      <translation>尚未到备份时间</translation>
    </message>
    <message>
      <source>backup written: {file}</source>
      <extracomment>out.backup_written</extracomment>
      <translation>备份已写入：{file}</translation>
    </message>
    <message>
      <source>backup written: {file} ({count} old backup(s) deleted)</source>
      <extracomment>out.backup_written_pruned</extracomment>
      <translation>备份已写入：{file}（已删除 {count} 个旧备份）</translation>
    </message>
    <message>
      <source>batch {batch}: {count} {product} cards ({media}) {first} .. {last}</source>
      <extracomment>out.card_batch</extracomment>
      <translation>批次 {batch}：{count} 张 {product} 卡（{media}）{first} 至 {last}</translation>
    </message>
    <message>
      <source>card {card} blocked ({reason})</source>
      <extracomment>out.card_blocked</extracomment>
      <translation>卡 {card} 已冻结（{reason}）</translation>
    </message>
    <message>
      <source>grant {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), bonus {bonus}; commission {commission} to {seller}</source>
      <extracomment>out.card_grant</extracomment>
      <translation>赠卡 {sale}：{count} 张 {product} 卡 {cards}；面值 {face}，实收 {paid}（本金），赠送 {bonus}；提成 {commission} 归 {seller}</translation>
    </message>
    <message>
      <source>  in stock: {card} {product} batch {batch}</source>
      <extracomment>out.card_in_stock</extracomment>
      <translation>  在库：{card} {product} 批次 {batch}</translation>
    </message>
    <message>
      <source>return {ret} of sale {sale}: {count} {product} card(s) {cards} blocked; {paid} given back ({tender}); bonus {bonus} and commission {commission} of {seller} reversed</source>
      <extracomment>out.card_return</extracomment>
      <translation>退卡 {ret}（售卡单 {sale}）：{count} 张 {product} 卡 {cards} 已停用；退还 {paid}（{tender}）；冲回赠送 {bonus} 及 {seller} 的提成 {commission}</translation>
    </message>
    <message>
      <source>sale {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), bonus {bonus}; commission {commission} to {seller}</source>
      <extracomment>out.card_sale</extracomment>
      <translation>售卡 {sale}：{count} 张 {product} 卡 {cards}；面值 {face}，实收 {paid}（本金），赠送 {bonus}；提成 {commission} 归 {seller}</translation>
    </message>
    <message>
      <source>card stock of store {store}</source>
      <extracomment>out.card_stock_head</extracomment>
      <translation>门店 {store} 的卡库存</translation>
    </message>
    <message>
      <source>  {product} {name} ({media}): {counts}</source>
      <extracomment>out.card_stock_line</extracomment>
      <translation>  {product} {name}（{media}）：{counts}</translation>
    </message>
    <message>
      <source>{count} card(s) expired</source>
      <extracomment>out.cards_expired</extracomment>
      <translation>{count} 张卡已过期</translation>
    </message>
    <message>
      <source>received {count} {product} cards of batch {batch} into store {store}: {first} .. {last}</source>
      <extracomment>out.cards_received</extracomment>
      <translation>已接收批次 {batch} 的 {count} 张 {product} 卡入门店 {store}：{first} 至 {last}</translation>
    </message>
    <message>
      <source>catalog: {rows} rows: {added} added, {updated} updated, {unchanged} unchanged</source>
      <extracomment>out.catalog_imported</extracomment>
      <translation>商品目录：{rows} 行：新增 {added}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
      <source>catalog: {done}/{total} rows checked</source>
      <extracomment>out.catalog_progress</extracomment>
      <translation>商品目录：已检查 {done}/{total} 行</translation>
    </message>
    <message>
      <source>  change {amount}</source>
      <extracomment>out.change</extracomment>
      <translation>  找零 {amount}</translation>
    </message>
    <message>
      <source>holder written to the {media} chip {uid} of card {card}</source>
      <extracomment>out.chip_written</extracomment>
      <translation>持卡人信息已写入卡 {card} 的 {media} 芯片 {uid}</translation>
    </message>
    <message>
      <source>  counted {counted}, difference {difference}</source>
      <extracomment>out.counted</extracomment>
      <translation>  清点 {counted}，差额 {difference}</translation>
    </message>
    <message>
      <source>Demo terminal S001/T01 in {folder} (staff PINs: {staff})</source>
      <extracomment>out.demo_head</extracomment>
      <translation>演示终端 S001/T01 位于 {folder}（员工密码：{staff}）</translation>
    </message>
    <message>
      <source>Try: pos --data-dir {folder} member show --phone {phone}
     pos --data-dir {folder} receipt show --no {receipt}</source>
      <extracomment>out.demo_try</extracomment>
      <translation>试试：pos --data-dir {folder} member show --phone {phone}
      pos --data-dir {folder} receipt show --no {receipt}</translation>
    </message>
    <message>
      <source>  expected cash {amount}</source>
      <extracomment>out.expected_cash</extracomment>
      <translation>  应有现金 {amount}</translation>
    </message>
    <message>
      <source>{gift}: difference {difference}, on hand {on_hand}</source>
      <extracomment>out.gift_counted</extracomment>
      <translation>{gift}：差异 {difference}，在库 {on_hand}</translation>
    </message>
    <message>
      <source>for {points} points</source>
      <extracomment>out.gift_for_points</extracomment>
      <translation>{points} 积分兑换</translation>
    </message>
    <message>
      <source>  gift {gift} {name} {zero} (value {value}, {how})</source>
      <extracomment>out.gift_line</extracomment>
      <translation>  赠品 {gift} {name} {zero}（价值 {value}，{how}）</translation>
    </message>
    <message>
      <source>not for points</source>
      <extracomment>out.gift_not_for_points</extracomment>
      <translation>不可积分兑换</translation>
    </message>
    <message>
      <source>  no gift for {gift}: out of stock</source>
      <extracomment>out.gift_out_of_stock</extracomment>
      <translation>  {gift} 无赠品：已无库存</translation>
    </message>
    <message>
      <source>{points} points</source>
      <extracomment>out.gift_points</extracomment>
      <translation>{points} 积分</translation>
    </message>
    <message>
      <source>{gift}: +{qty}, on hand {on_hand}</source>
      <extracomment>out.gift_received</extracomment>
      <translation>{gift}：+{qty}，在库 {on_hand}</translation>
    </message>
    <message>
      <source>{name} (¥{value}) for {points} points; {left} points left</source>
      <extracomment>out.gift_redeemed</extracomment>
      <translation>{name}（¥{value}）用 {points} 积分兑换；剩余 {left} 积分</translation>
    </message>
    <message>
      <source>{gift} {name} ¥{value}  {points} on hand {on_hand}</source>
      <extracomment>out.gift_stock_row</extracomment>
      <translation>{gift} {name} ¥{value}  {points} 在库 {on_hand}</translation>
    </message>
    <message>
      <source>{organisation}: {enrolled} enrolled, {bad} with problems</source>
      <extracomment>out.group_enrolled</extracomment>
      <translation>{organisation}：已入会 {enrolled} 人，{bad} 行有问题</translation>
    </message>
    <message>
      <source>row {row}  {name}  {phone}  {what}</source>
      <extracomment>out.group_row</extracomment>
      <translation>第 {row} 行  {name}  {phone}  {what}</translation>
    </message>
    <message>
      <source>card {card}</source>
      <extracomment>out.group_row_card</extracomment>
      <translation>卡号 {card}</translation>
    </message>
    <message>
      <source>ok</source>
      <extracomment>out.group_row_ok</extracomment>
      <translation>正常</translation>
    </message>
    <message>
      <source>ledger NOT ok:
  {problems}</source>
      <extracomment>out.ledger_not_ok</extracomment>
      <translation>账本异常：
  {problems}</translation>
    </message>
    <message>
      <source>ledger ok: {journals} transactions, {entries} entries, {accounts} accounts</source>
      <extracomment>out.ledger_ok</extracomment>
      <translation>账本正常：{journals} 笔交易，{entries} 条分录，{accounts} 个账户</translation>
    </message>
    <message>
      <source>{media} bound to card {card}</source>
      <extracomment>out.media_bound</extracomment>
      <translation>{media} 已绑定到卡 {card}</translation>
    </message>
    <message>
      <source>member {id} {name} {phone} card {card} {tier_name} ({tier})</source>
      <extracomment>out.member</extracomment>
      <translation>会员 {id} {name} {phone} 卡号 {card} {tier_name}（{tier}）</translation>
    </message>
    <message>
      <source>points {points}; stored value {total} (principal {principal}, bonus {bonus})</source>
      <extracomment>out.member_balance</extracomment>
      <translation>积分 {points}；储值 {total}（本金 {principal}，赠送 {bonus}）</translation>
    </message>
    <message>
      <source>no backups</source>
      <extracomment>out.no_backups</extracomment>
      <translation>没有备份</translation>
    </message>
    <message>
      <source>no services</source>
      <extracomment>out.no_services</extracomment>
      <translation>无服务项目</translation>
    </message>
    <message>
      <source>offline credit used: {amount}</source>
      <extracomment>out.offline_credit</extracomment>
      <translation>已使用离线额度：{amount}</translation>
    </message>
    <message>
      <source>  paid {kind}: {amount}</source>
      <extracomment>out.paid</extracomment>
      <translation>  支付 {kind}：{amount}</translation>
    </message>
    <message>
      <source>  paid {kind}: {amount} ({points} points)</source>
      <extracomment>out.paid_points</extracomment>
      <translation>  支付 {kind}：{amount}（{points} 积分）</translation>
    </message>
    <message>
      <source>  points earned {points}</source>
      <extracomment>out.points_earned</extracomment>
      <translation>  获得积分 {points}</translation>
    </message>
    <message>
      <source>{points} points expire on {date}</source>
      <extracomment>out.points_expire</extracomment>
      <translation>{points} 积分将于 {date} 到期</translation>
    </message>
    <message>
      <source>{total} points expired</source>
      <extracomment>out.points_expired</extracomment>
      <translation>{total} 积分已过期</translation>
    </message>
    <message>
      <source>moved {points} points</source>
      <extracomment>out.points_moved</extracomment>
      <translation>已转移 {points} 积分</translation>
    </message>
    <message>
      <source>receipt {receipt}: {size} bytes of {format} written to {file}</source>
      <extracomment>out.receipt_written</extracomment>
      <translation>小票 {receipt}：{size} 字节 {format} 已写入 {file}</translation>
    </message>
    <message>
      <source>refund {refund} of {sale}: {amount} back: {tenders}</source>
      <extracomment>out.refund</extracomment>
      <translation>退款 {refund}（原销售 {sale}）：退回 {amount}：{tenders}</translation>
    </message>
    <message>
      <source>Restore {file} ({franchisee}/{store}/{terminal}, {journals} transactions, last at {last}) into {folder}? Sync will treat this as a rewind. Stop the terminal app first. Type yes: </source>
      <extracomment>out.restore_ask</extracomment>
      <translation>将 {file}（{franchisee}/{store}/{terminal}，{journals} 笔交易，最后一笔于 {last}）恢复到 {folder}？同步会将此视为回退。请先关闭收银程序。输入 yes 确认：</translation>
    </message>
    <message>
      <source>restored {file} into {folder}; epoch {epoch}</source>
      <extracomment>out.restored</extracomment>
      <translation>已将 {file} 恢复到 {folder}；纪元 {epoch}</translation>
    </message>
    <message>
      <source>restored {file} into {folder}; epoch {epoch}; the ledger as it was is kept in {kept}</source>
      <extracomment>out.restored_kept</extracomment>
      <translation>已将 {file} 恢复到 {folder}；纪元 {epoch}；恢复前的账本保存在 {kept}</translation>
    </message>
    <message>
      <source>sale {sale}  {time}</source>
      <extracomment>out.sale_head</extracomment>
      <translation>销售 {sale}  {time}</translation>
    </message>
    <message>
      <source>granted {service}</source>
      <extracomment>out.service_granted</extracomment>
      <translation>已赠送 {service}</translation>
    </message>
    <message>
      <source>used; {service}</source>
      <extracomment>out.service_used</extracomment>
      <translation>已核销；{service}</translation>
    </message>
    <message>
      <source>  cards, {kind}: {amount}</source>
      <extracomment>out.shift_card_tender</extracomment>
      <translation>  售卡/退卡净额 {kind}：{amount}</translation>
    </message>
    <message>
      <source>  cards sold {sold}: {sold_total}; cards returned {returned}: {returned_total}</source>
      <extracomment>out.shift_cards</extracomment>
      <translation>  售卡 {sold} 张：{sold_total}；退卡 {returned} 张：{returned_total}</translation>
    </message>
    <message>
      <source>  sales {sales}: {sales_total}; refunds {refunds}: {refunds_total}; top-ups {topups}: {topups_total}</source>
      <extracomment>out.shift_counts</extracomment>
      <translation>  销售 {sales} 笔：{sales_total}；退货 {refunds} 笔：{refunds_total}；充值 {topups} 笔：{topups_total}</translation>
    </message>
    <message>
      <source>shift {no} ({status}), opened {at} by {by}, float {float}</source>
      <extracomment>out.shift_head</extracomment>
      <translation>班次 {no}（{status}），{at} 由 {by} 开班，备用金 {float}</translation>
    </message>
    <message>
      <source>  {kind}: {amount}</source>
      <extracomment>out.shift_tender</extracomment>
      <translation>  {kind}：{amount}</translation>
    </message>
    <message>
      <source>staff {code} ({role}) added</source>
      <extracomment>out.staff_added</extracomment>
      <translation>员工 {code}（{role}）已添加</translation>
    </message>
    <message>
      <source>staff    name            sales orders     VIP enrolled  commission not credited</source>
      <extracomment>out.staff_report_columns</extracomment>
      <translation>员工     姓名           销售额   单数    会员     入会        提成     未计业绩</translation>
    </message>
    <message>
      <source>staff report {start} .. {end} ({store})</source>
      <extracomment>out.staff_report_head</extracomment>
      <translation>员工业绩 {start} 至 {end}（门店 {store}）</translation>
    </message>
    <message>
      <source>staff {code} unlocked by {by}</source>
      <extracomment>out.staff_unlocked</extracomment>
      <translation>员工 {code} 已由 {by} 解锁</translation>
    </message>
    <message>
      <source>terminal {store}/{terminal} set up in {folder}</source>
      <extracomment>out.terminal_set_up</extracomment>
      <translation>收银机 {store}/{terminal} 已在 {folder} 建立</translation>
    </message>
    <message>
      <source>{count} member(s) changed tier</source>
      <extracomment>out.tiers_changed</extracomment>
      <translation>{count} 位会员等级变更</translation>
    </message>
    <message>
      <source>top-up {no}: {amount} + bonus {bonus}</source>
      <extracomment>out.topup</extracomment>
      <translation>充值 {no}：{amount} + 赠送 {bonus}</translation>
    </message>
    <message>
      <source>  total {amount}</source>
      <extracomment>out.total</extracomment>
      <translation>  合计 {amount}</translation>
    </message>
    <message>
      <source>TRAINING 培训 — not a sale, no money taken</source>
      <extracomment>out.training</extracomment>
      <translation>培训模式 — 不是销售，未收款</translation>
    </message>
    <message>
      <source>warning: {text}</source>
      <extracomment>out.warning</extracomment>
      <translation>警告：{text}</translation>
    </message>
    <message>
      <source>an empty cart cannot be parked</source>
      <extracomment>park.empty</extracomment>
      <translation>空购物车不能挂单</translation>
    </message>
    <message>
      <source>no parked cart {id} on this terminal (recalled already?)</source>
      <extracomment>park.not_found</extracomment>
      <translation>本机没有第 {id} 张挂单（已取回？）</translation>
    </message>
    <message>
      <source>{waiting} carts are parked already (at most {max}): recall or cancel one</source>
      <extracomment>park.too_many</extracomment>
      <translation>已有 {waiting} 张挂单（最多 {max} 张）：请先取单或取消一张</translation>
    </message>
    <message>
      <source>day must be YYYY-MM-DD, got '{day}'</source>
      <extracomment>performance.bad_day</extracomment>
      <translation>日期须为 YYYY-MM-DD，输入的是“{day}”</translation>
    </message>
    <message>
      <source>month must be YYYY-MM, got '{month}'</source>
      <extracomment>performance.bad_month</extracomment>
      <translation>月份须为 YYYY-MM，输入的是“{month}”</translation>
    </message>
    <message>
      <source>no active staff member {staff} to credit the sale to</source>
      <extracomment>performance.unknown_assistant</extracomment>
      <translation>没有在职员工 {staff}，无法计入业绩</translation>
    </message>
    <message>
      <source>member has {have} points; {asked} asked</source>
      <extracomment>points.not_enough</extracomment>
      <translation>会员有 {have} 积分；要求使用 {asked}</translation>
    </message>
    <message>
      <source>points to transfer must be above zero</source>
      <extracomment>points.transfer_not_positive</extracomment>
      <translation>转赠积分须大于零</translation>
    </message>
    <message>
      <source>this program does not allow points transfers (points.transfer_allowed)</source>
      <extracomment>points.transfer_off</extracomment>
      <translation>本方案不允许积分转赠（points.transfer_allowed）</translation>
    </message>
    <message>
      <source>cannot transfer points to the same member</source>
      <extracomment>points.transfer_same</extracomment>
      <translation>不能把积分转给同一会员</translation>
    </message>
    <message>
      <source>line {line} ({item}): quantity must be at least 1, got {qty}</source>
      <extracomment>pricing.bad_qty</extracomment>
      <translation>第 {line} 行（{item}）：数量至少为 1，收到 {qty}</translation>
    </message>
    <message>
      <source>line {line} ({item}): a manual discount keeps {min} to 0.99 of the price (9折 = 0.90), got {rate}</source>
      <extracomment>pricing.manual_rate</extracomment>
      <translation>第 {line} 行（{item}）：手工折扣须在 {min} 到 0.99 之间（九折 = 0.90），现为 {rate}</translation>
    </message>
    <message>
      <source>the sale time must carry a time zone</source>
      <extracomment>pricing.naive_time</extracomment>
      <translation>销售时间须带时区</translation>
    </message>
    <message>
      <source>line {line} ({item}): price must not be negative</source>
      <extracomment>pricing.negative_price</extracomment>
      <translation>第 {line} 行（{item}）：价格不能为负数</translation>
    </message>
    <message>
      <source>{file}: {key}: unknown key, ignored</source>
      <extracomment>program.unknown_key</extracomment>
      <translation>{file}：{key}：无法识别的键，已忽略</translation>
    </message>
    <message>
      <source>{file} line {line}: {key}: unknown key, ignored</source>
      <extracomment>program.unknown_key_at</extracomment>
      <translation>{file}：第 {line} 行：{key}：无法识别的键，已忽略</translation>
    </message>
    <message>
      <source>receipt {receipt} is already saved; a number is used once</source>
      <extracomment>receipt.already_saved</extracomment>
      <translation>小票 {receipt} 已保存；每个单号只能用一次</translation>
    </message>
    <message>
      <source>no sale or refund '{receipt}' on this terminal</source>
      <extracomment>receipt.no_sale</extracomment>
      <translation>本终端没有销售或退货单 '{receipt}'</translation>
    </message>
    <message>
      <source>no top-up '{receipt}' on this terminal</source>
      <extracomment>receipt.no_topup</extracomment>
      <translation>本终端没有充值单 '{receipt}'</translation>
    </message>
    <message>
      <source>{receipt} is a sale, not a refund</source>
      <extracomment>receipt.not_a_refund</extracomment>
      <translation>{receipt} 是销售单，不是退货单</translation>
    </message>
    <message>
      <source>no saved receipt '{receipt}' on this terminal</source>
      <extracomment>receipt.not_saved</extracomment>
      <translation>本终端没有已保存的小票 '{receipt}'</translation>
    </message>
    <message>
      <source>sale {sale} is already fully refunded</source>
      <extracomment>refund.all_refunded</extracomment>
      <translation>销售单 {sale} 已全部退货</translation>
    </message>
    <message>
      <source>sale {sale} has no line {line} (lines 1-{lines})</source>
      <extracomment>refund.no_line</extracomment>
      <translation>销售单 {sale} 没有第 {line} 行（共 1-{lines} 行）</translation>
    </message>
    <message>
      <source>{sale} is a refund; refund the original sale</source>
      <extracomment>refund.of_refund</extracomment>
      <translation>{sale} 是退货单；请对原销售单退货</translation>
    </message>
    <message>
      <source>line {line}: only {left} of {qty} can still be refunded</source>
      <extracomment>refund.qty_high</extracomment>
      <translation>第 {line} 行：{qty} 件中只剩 {left} 件可退</translation>
    </message>
    <message>
      <source>line {line}: quantity to refund must be at least 1</source>
      <extracomment>refund.qty_low</extracomment>
      <translation>第 {line} 行：退货数量至少为 1</translation>
    </message>
    <message>
      <source>cashier</source>
      <extracomment>role.cashier</extracomment>
      <translation>收银员</translation>
    </message>
    <message>
      <source>manager</source>
      <extracomment>role.manager</extracomment>
      <translation>店长</translation>
    </message>
    <message>
      <source>supervisor</source>
      <extracomment>role.supervisor</extracomment>
      <translation>主管</translation>
    </message>
    <message>
      <source>item {item}: quantity must be 1 to {max}, got {qty}</source>
      <extracomment>sale.bad_qty</extracomment>
      <translation>商品 {item}：数量须为 1 到 {max}，收到 {qty}</translation>
    </message>
    <message>
      <source>the sale time must carry a time zone (e.g. 2026-11-09T14:00:00+08:00)</source>
      <extracomment>sale.naive_time</extracomment>
      <translation>销售时间须带时区（例如 2026-11-09T14:00:00+08:00）</translation>
    </message>
    <message>
      <source>item {item}: a price cannot be negative</source>
      <extracomment>sale.negative_price</extracomment>
      <translation>商品 {item}：价格不能为负数</translation>
    </message>
    <message>
      <source>a sale needs at least one item</source>
      <extracomment>sale.no_items</extracomment>
      <translation>销售至少需要一件商品</translation>
    </message>
    <message>
      <source>a sale needs at least one tender (e.g. --tender cash)</source>
      <extracomment>sale.no_tender</extracomment>
      <translation>销售至少需要一种支付方式（例如 --tender cash）</translation>
    </message>
    <message>
      <source>no sale '{sale}' on this terminal</source>
      <extracomment>sale.not_found</extracomment>
      <translation>本终端没有销售单 '{sale}'</translation>
    </message>
    <message>
      <source>Nothing found for {code}</source>
      <extracomment>sale.nothing_found</extracomment>
      <translation>未找到：{code}</translation>
    </message>
    <message>
      <source>item '{item}' (line {line}) is not in the catalog</source>
      <extracomment>sale.unknown_item</extracomment>
      <translation>商品 '{item}'（第 {line} 行）不在商品目录中</translation>
    </message>
    <message>
      <source>a shift is already open on this terminal: close it first</source>
      <extracomment>shift.already_open</extracomment>
      <translation>本终端已有进行中的班次：请先交班</translation>
    </message>
    <message>
      <source>counted cash cannot be negative</source>
      <extracomment>shift.counted_negative</extracomment>
      <translation>清点现金不能为负数</translation>
    </message>
    <message>
      <source>a cash float above {max} is not plausible</source>
      <extracomment>shift.float_high</extracomment>
      <translation>备用金超过 {max} 不合理</translation>
    </message>
    <message>
      <source>the cash float cannot be negative</source>
      <extracomment>shift.float_negative</extracomment>
      <translation>备用金不能为负数</translation>
    </message>
    <message>
      <source>a card return</source>
      <extracomment>shift.for_card_return</extracomment>
      <translation>退卡</translation>
    </message>
    <message>
      <source>a card sale</source>
      <extracomment>shift.for_card_sale</extracomment>
      <translation>售卡</translation>
    </message>
    <message>
      <source>a refund</source>
      <extracomment>shift.for_refund</extracomment>
      <translation>退货</translation>
    </message>
    <message>
      <source>a sale</source>
      <extracomment>shift.for_sale</extracomment>
      <translation>结账</translation>
    </message>
    <message>
      <source>a top-up</source>
      <extracomment>shift.for_topup</extracomment>
      <translation>充值</translation>
    </message>
    <message>
      <source>a void</source>
      <extracomment>shift.for_void</extracomment>
      <translation>作废</translation>
    </message>
    <message>
      <source>no shift is open on this terminal: open a shift with a cash float before {what} (pos shift open --float AMOUNT, or Shift in the app)</source>
      <extracomment>shift.needed</extracomment>
      <translation>本机当前没有开班：{what}前请先放入备用金开班（pos shift open --float 金额，或在收银程序的「班次」里开班）</translation>
    </message>
    <message>
      <source>shift {shift} has no opening row in the ledger</source>
      <extracomment>shift.no_opening</extracomment>
      <translation>班次 {shift} 在账本中没有开班记录</translation>
    </message>
    <message>
      <source>no shift is open: open one with a cash float first</source>
      <extracomment>shift.none_open</extracomment>
      <translation>没有进行中的班次：请先用备用金开班</translation>
    </message>
    <message>
      <source>role must be one of {allowed}, got '{role}'</source>
      <extracomment>staff.bad_role</extracomment>
      <translation>角色须为 {allowed} 之一，收到 '{role}'</translation>
    </message>
    <message>
      <source>staff code '{staff}' already exists</source>
      <extracomment>staff.code_taken</extracomment>
      <translation>员工号 '{staff}' 已存在</translation>
    </message>
    <message>
      <source>--at {at} is in the future; a late entry is for a sale made earlier</source>
      <extracomment>staff.late_entry_future</extracomment>
      <translation>--at {at} 是将来的时间；补录只用于之前发生的销售</translation>
    </message>
    <message>
      <source>staff {staff} is locked after {failures} wrong PINs until {until}</source>
      <extracomment>staff.locked</extracomment>
      <translation>员工 {staff} 因密码错误 {failures} 次已锁定，至 {until} 解锁</translation>
    </message>
    <message>
      <source>staff {staff} ({role}) may not approve {action}</source>
      <extracomment>staff.may_not_approve</extracomment>
      <translation>员工 {staff}（{role}）无权授权{action}</translation>
    </message>
    <message>
      <source>{action} needs a {role}'s approval</source>
      <extracomment>staff.needs_approval</extracomment>
      <translation>{action}需要{role}授权</translation>
    </message>
    <message>
      <source>{action} needs a {role} named with --staff CODE and their PIN</source>
      <extracomment>staff.needs_named</extracomment>
      <translation>{action}需要{role}用 --staff 编号和其 PIN 办理</translation>
    </message>
    <message>
      <source>{action} needs a {role} named with --staff CODE and their PIN or approving with --approver</source>
      <extracomment>staff.needs_named_or_approver</extracomment>
      <translation>{action}需要{role}用 --staff 编号和其 PIN 办理，或用 --approver 授权</translation>
    </message>
    <message>
      <source>{action} needs a {role}</source>
      <extracomment>staff.needs_role</extracomment>
      <translation>{action}需要{role}办理</translation>
    </message>
    <message>
      <source>nobody is logged in</source>
      <extracomment>staff.nobody</extracomment>
      <translation>没有人登录</translation>
    </message>
    <message>
      <source>a PIN is 4 to 8 digits</source>
      <extracomment>staff.pin_format</extracomment>
      <translation>密码须为4到8位数字</translation>
    </message>
    <message>
      <source>'{staff}' is the command line's own name; choose another staff code</source>
      <extracomment>staff.reserved_code</extracomment>
      <translation>'{staff}' 是命令行自用的名称，请另选员工编号</translation>
    </message>
    <message>
      <source>no active staff member '{staff}'</source>
      <extracomment>staff.unknown</extracomment>
      <translation>没有在职员工 '{staff}'</translation>
    </message>
    <message>
      <source>wrong PIN for staff {staff}</source>
      <extracomment>staff.wrong_pin</extracomment>
      <translation>员工 {staff} 的密码错误</translation>
    </message>
    <message>
      <source>active</source>
      <extracomment>status.active</extracomment>
      <translation>正常</translation>
    </message>
    <message>
      <source>blocked</source>
      <extracomment>status.blocked</extracomment>
      <translation>已挂失</translation>
    </message>
    <message>
      <source>closed</source>
      <extracomment>status.closed</extracomment>
      <translation>已注销</translation>
    </message>
    <message>
      <source>expired</source>
      <extracomment>status.expired</extracomment>
      <translation>已过期</translation>
    </message>
    <message>
      <source>in stock</source>
      <extracomment>status.in_stock</extracomment>
      <translation>在库</translation>
    </message>
    <message>
      <source>issued</source>
      <extracomment>status.issued</extracomment>
      <translation>已发放</translation>
    </message>
    <message>
      <source>open</source>
      <extracomment>status.open</extracomment>
      <translation>进行中</translation>
    </message>
    <message>
      <source>pending</source>
      <extracomment>status.pending</extracomment>
      <translation>待处理</translation>
    </message>
    <message>
      <source>replaced</source>
      <extracomment>status.replaced</extracomment>
      <translation>已补办</translation>
    </message>
    <message>
      <source>sold</source>
      <extracomment>status.sold</extracomment>
      <translation>已售出</translation>
    </message>
    <message>
      <source>the ledger file in {folder} cannot be opened; nothing was changed</source>
      <extracomment>storage.cannot_open</extracomment>
      <translation>无法打开 {folder} 中的账本文件；未做任何更改</translation>
    </message>
    <message>
      <source>cannot write {file}; nothing was changed</source>
      <extracomment>storage.cannot_write</extracomment>
      <translation>无法写入 {file}；未做任何更改</translation>
    </message>
    <message>
      <source>the disk holding {folder} is full; nothing was changed</source>
      <extracomment>storage.disk_full</extracomment>
      <translation>{folder} 所在磁盘已满；未做任何更改</translation>
    </message>
    <message>
      <source>the disk holding {folder} failed to read or write; nothing was changed</source>
      <extracomment>storage.io_error</extracomment>
      <translation>{folder} 所在磁盘读写失败；未做任何更改</translation>
    </message>
    <message>
      <source>the ledger is locked by another program (waited {seconds} s); nothing was changed</source>
      <extracomment>storage.locked</extracomment>
      <translation>账本被其他程序锁定（已等待 {seconds} 秒）；未做任何更改</translation>
    </message>
    <message>
      <source>the data folder {folder} is read-only; nothing was changed</source>
      <extracomment>storage.read_only</extracomment>
      <translation>数据文件夹 {folder} 为只读；未做任何更改</translation>
    </message>
    <message>
      <source>card {card} is blocked by HQ: {reason}</source>
      <extracomment>sv.blocked_by_hq</extracomment>
      <translation>卡 {card} 已被总部冻结：{reason}</translation>
    </message>
    <message>
      <source>card {card} is blocked for offline use by HQ: {reason}</source>
      <extracomment>sv.blocked_offline</extracomment>
      <translation>卡 {card} 已被总部禁止离线使用：{reason}</translation>
    </message>
    <message>
      <source>an anonymous</source>
      <extracomment>sv.kind_anonymous</extracomment>
      <translation>不记名</translation>
    </message>
    <message>
      <source>a registered</source>
      <extracomment>sv.kind_named</extracomment>
      <translation>记名</translation>
    </message>
    <message>
      <source>card {card} may spend {limit} a day; {used} already spent today</source>
      <extracomment>sv.limit_per_day</extracomment>
      <translation>卡 {card} 每天最多消费 {limit}；今天已消费 {used}</translation>
    </message>
    <message>
      <source>card {card} may spend at most {limit} per sale</source>
      <extracomment>sv.limit_per_sale</extracomment>
      <translation>卡 {card} 每笔最多消费 {limit}</translation>
    </message>
    <message>
      <source>stored value pays only when the member's card is presented</source>
      <extracomment>sv.needs_card</extracomment>
      <translation>储值支付须出示会员卡</translation>
    </message>
    <message>
      <source>HQ is unreachable and this terminal's offline stored-value budget has {left} left</source>
      <extracomment>sv.offline_budget</extracomment>
      <translation>无法连接总部，本终端离线储值额度仅剩 {left}</translation>
    </message>
    <message>
      <source>HQ is unreachable: card {card} may spend at most {cap} offline on this terminal; {used} already spent</source>
      <extracomment>sv.offline_card_cap</extracomment>
      <translation>无法连接总部：卡 {card} 在本终端离线最多消费 {cap}；已消费 {used}</translation>
    </message>
    <message>
      <source>balance would be {balance}, over the {cap} cap of {kind} card; at most {room} more can be added</source>
      <extracomment>sv.over_cap</extracomment>
      <translation>余额将为 {balance}，超过{kind}卡的上限 {cap}；最多还能充 {room}</translation>
    </message>
    <message>
      <source>a purchase of {amount} or more needs the holder's ID number on file (real-name threshold {threshold})</source>
      <extracomment>sv.real_name</extracomment>
      <translation>单次购买 {amount} 及以上须登记持卡人身份证号（实名门槛 {threshold}）</translation>
    </message>
    <message>
      <source>stored value balance {balance}</source>
      <extracomment>sv.room_balance</extracomment>
      <translation>储值余额 {balance}</translation>
    </message>
    <message>
      <source>HQ is unreachable: this terminal's offline stored-value budget</source>
      <extracomment>sv.room_offline_budget</extracomment>
      <translation>总部连不上：本机的离线储值额度</translation>
    </message>
    <message>
      <source>HQ is unreachable: at most {cap} per card offline, {used} already spent</source>
      <extracomment>sv.room_offline_cap</extracomment>
      <translation>总部连不上：离线时每张卡最多 {cap}，已用 {used}</translation>
    </message>
    <message>
      <source>the card's limit of {limit} a day ({used} spent today)</source>
      <extracomment>sv.room_per_day</extracomment>
      <translation>此卡每日限额 {limit}（今天已用 {used}）</translation>
    </message>
    <message>
      <source>the card's limit of {limit} per sale</source>
      <extracomment>sv.room_per_sale</extracomment>
      <translation>此卡每单限额 {limit}</translation>
    </message>
    <message>
      <source>stored value {balance} is less than {amount}</source>
      <extracomment>sv.short</extracomment>
      <translation>储值余额 {balance} 不足 {amount}</translation>
    </message>
    <message>
      <source>top-up amount must be above zero, got {amount}</source>
      <extracomment>sv.topup_not_positive</extracomment>
      <translation>充值金额须大于零，收到 {amount}</translation>
    </message>
    <message>
      <source>top up the main card; a supplementary card spends from it</source>
      <extracomment>sv.topup_supplementary</extracomment>
      <translation>请给主卡充值；副卡从主卡消费</translation>
    </message>
    <message>
      <source>a top-up is paid by {allowed}, not '{tender}'</source>
      <extracomment>sv.topup_tender</extracomment>
      <translation>充值须用 {allowed} 支付，不能用 '{tender}'</translation>
    </message>
    <message>
      <source>another sync is running for this terminal</source>
      <extracomment>sync.busy</extracomment>
      <translation>本收银机的另一次同步正在进行</translation>
    </message>
    <message>
      <source>card {card}: this terminal's own events put ¥{here} on it, HQ holds ¥{hq} of them</source>
      <extracomment>sync.card_mismatch</extracomment>
      <translation>卡 {card}：本机自身的交易记入 ¥{here}，总部记录为 ¥{hq}</translation>
    </message>
    <message>
      <source>device clock is off HQ's by {seconds} s</source>
      <extracomment>sync.clock_skew</extracomment>
      <translation>本机时钟与总部相差 {seconds} 秒</translation>
    </message>
    <message>
      <source>HQ refused this terminal's credentials</source>
      <extracomment>sync.credentials_refused</extracomment>
      <translation>总部拒绝了本收银机的凭证</translation>
    </message>
    <message>
      <source>HQ {problem} event {event}</source>
      <extracomment>sync.event_refused</extracomment>
      <translation>总部对事件 {event} 答复 {problem}</translation>
    </message>
    <message>
      <source>sync: {problem}</source>
      <extracomment>sync.failed</extracomment>
      <translation>同步：{problem}</translation>
    </message>
    <message>
      <source>HQ answered {status}: {text}</source>
      <extracomment>sync.hq_answered</extracomment>
      <translation>总部答复 {status}：{text}</translation>
    </message>
    <message>
      <source>HQ error {status}</source>
      <extracomment>sync.hq_error</extracomment>
      <translation>总部出错（{status}）</translation>
    </message>
    <message>
      <source>HQ: this terminal's ledger was rewritten: {detail}</source>
      <extracomment>sync.ledger_rewritten</extracomment>
      <translation>总部发现本机账本被改写：{detail}</translation>
    </message>
    <message>
      <source>sync register needs --token or $POS_HQ_TOKEN</source>
      <extracomment>sync.needs_token</extracomment>
      <translation>sync register 需要 --token 或 $POS_HQ_TOKEN</translation>
    </message>
    <message>
      <source>this terminal is not registered with HQ: run 'pos sync register'</source>
      <extracomment>sync.not_registered</extracomment>
      <translation>本收银机尚未在总部登记：请运行 'pos sync register'</translation>
    </message>
    <message>
      <source>HQ's program was not applied: {detail}</source>
      <extracomment>sync.program_not_applied</extracomment>
      <translation>总部下发的会员方案未生效：{detail}</translation>
    </message>
    <message>
      <source>HQ saw a {problem}: this terminal's events were renumbered</source>
      <extracomment>sync.renumbered</extracomment>
      <translation>总部发现事件{problem}：本机事件已重新编号</translation>
    </message>
    <message>
      <source>HQ answers {problem} at sequence {seq} again</source>
      <extracomment>sync.same_problem_again</extracomment>
      <translation>总部在序号 {seq} 处再次答复 {problem}</translation>
    </message>
    <message>
      <source>fork</source>
      <extracomment>sync.seen.fork</extracomment>
      <translation>分叉</translation>
    </message>
    <message>
      <source>rewind</source>
      <extracomment>sync.seen.rewind</extracomment>
      <translation>回退</translation>
    </message>
    <message>
      <source>HQ unreachable: {detail}</source>
      <extracomment>sync.unreachable</extracomment>
      <translation>无法连接总部：{detail}</translation>
    </message>
    <message>
      <source>upload did not finish</source>
      <extracomment>sync.upload_unfinished</extracomment>
      <translation>上传未完成</translation>
    </message>
    <message>
      <source>only the last tender may leave out its amount</source>
      <extracomment>tender.amount_missing</extracomment>
      <translation>只有最后一笔支付可以不填金额</translation>
    </message>
    <message>
      <source>tender {no} ({kind}): amount must be above zero</source>
      <extracomment>tender.amount_not_positive</extracomment>
      <translation>第 {no} 笔支付（{kind}）：金额须大于零</translation>
    </message>
    <message>
      <source>tender {no} ({kind}): nothing is left to pay</source>
      <extracomment>tender.nothing_due</extracomment>
      <translation>第 {no} 笔支付（{kind}）：已无待付金额</translation>
    </message>
    <message>
      <source>tender {no} ({kind}) of {amount} is more than the {due} left to pay; only cash gives change</source>
      <extracomment>tender.over_due</extracomment>
      <translation>第 {no} 笔支付（{kind}）{amount} 超过待付的 {due}；只有现金可以找零</translation>
    </message>
    <message>
      <source>a points tender needs a number of points, e.g. points:200</source>
      <extracomment>tender.points_count</extracomment>
      <translation>积分支付须给出积分数，例如 points:200</translation>
    </message>
    <message>
      <source>points can pay only when a member is attached</source>
      <extracomment>tender.points_need_member</extracomment>
      <translation>须先关联会员才能用积分支付</translation>
    </message>
    <message>
      <source>{points} points ({value}) are more than the {due} left to pay</source>
      <extracomment>tender.points_over_due</extracomment>
      <translation>{points} 积分（{value}）超过待付的 {due}</translation>
    </message>
    <message>
      <source>points may pay at most {cap} of this sale ({share} of {total}); {points} points are {value}</source>
      <extracomment>tender.points_share</extracomment>
      <translation>积分最多抵扣本单 {cap}（{total} 的 {share}）；{points} 积分值 {value}</translation>
    </message>
    <message>
      <source>a supplementary card cannot pay with the main member's points</source>
      <extracomment>tender.points_supplementary</extracomment>
      <translation>副卡不能使用主卡会员的积分支付</translation>
    </message>
    <message>
      <source>points are paid in whole units of {unit}, got {points}</source>
      <extracomment>tender.points_unit</extracomment>
      <translation>积分须按 {unit} 的整数倍使用，收到 {points}</translation>
    </message>
    <message>
      <source>a bank-card reference is at most {max} characters (never track data)</source>
      <extracomment>tender.reference_long</extracomment>
      <translation>银行卡参考号最多 {max} 个字符（绝不记录磁道数据）</translation>
    </message>
    <message>
      <source>tenders cover {paid} of {total}; {due} still due</source>
      <extracomment>tender.short</extracomment>
      <translation>已付 {paid}，应付 {total}；还差 {due}</translation>
    </message>
    <message>
      <source>tender '{kind}' is not one of {allowed}</source>
      <extracomment>tender.unknown_kind</extracomment>
      <translation>支付方式 '{kind}' 不是 {allowed} 之一</translation>
    </message>
    <message>
      <source>{folder} already holds a terminal ledger; nothing was changed</source>
      <extracomment>terminal.already_set_up</extracomment>
      <translation>{folder} 已有终端账本；未做任何更改</translation>
    </message>
    <message>
      <source>card block must be 1..9999, got {block}</source>
      <extracomment>terminal.bad_card_block</extracomment>
      <translation>卡号段须为 1..9999，收到 {block}</translation>
    </message>
    <message>
      <source>{name} must be 1-40 letters, digits, '-' or '_', got '{value}'</source>
      <extracomment>terminal.bad_identifier</extracomment>
      <translation>{name} 须为1-40个字母、数字、'-' 或 '_'，收到 '{value}'</translation>
    </message>
    <message>
      <source>the clock must give time-zone aware times</source>
      <extracomment>terminal.naive_clock</extracomment>
      <translation>时钟须给出带时区的时间</translation>
    </message>
    <message>
      <source>{folder} has no terminal ledger: run 'pos init' first</source>
      <extracomment>terminal.no_ledger</extracomment>
      <translation>{folder} 没有终端账本：请先运行 'pos init'</translation>
    </message>
    <message>
      <source>{folder} is not set up: run 'pos init' first</source>
      <extracomment>terminal.not_set_up</extracomment>
      <translation>{folder} 尚未设置：请先运行 'pos init'</translation>
    </message>
    <message>
      <source>{folder} belongs to user '{user}': run the command as that user (sudo -u {user} pos ...), not as root</source>
      <extracomment>terminal.root_on_users_folder</extracomment>
      <translation>{folder} 属于用户 '{user}'：请以该用户运行命令（sudo -u {user} pos ...），不要用 root</translation>
    </message>
    <message>
      <source>by hand: {reason}</source>
      <extracomment>tier.reason.by_hand</extracomment>
      <translation>手工调整：{reason}</translation>
    </message>
    <message>
      <source>downgrade on review: 12 months {spent} &lt; keep {keep}</source>
      <extracomment>tier.reason.downgrade</extracomment>
      <translation>复核降级：近12个月消费 {spent} &lt; 保级标准 {keep}</translation>
    </message>
    <message>
      <source>upgrade: 12 months {spent} ≥ {rule}</source>
      <extracomment>tier.reason.rolling_12m</extracomment>
      <translation>升级：近12个月消费 {spent} ≥ {rule}</translation>
    </message>
    <message>
      <source>upgrade: single day {spent} ≥ {rule}</source>
      <extracomment>tier.reason.single_day</extracomment>
      <translation>升级：单日消费 {spent} ≥ {rule}</translation>
    </message>
    <message>
      <source>upgrade: single purchase {spent} ≥ {rule}</source>
      <extracomment>tier.reason.single_purchase</extracomment>
      <translation>升级：单笔消费 {spent} ≥ {rule}</translation>
    </message>
    <message>
      <source>account {account}: balance {balance} but entries sum to {sum}</source>
      <extracomment>verify.account_balance</extracomment>
      <translation>账户 {account}：余额 {balance}，但分录合计为 {sum}</translation>
    </message>
    <message>
      <source>audit row {row} acknowledged by HQ at {at} is missing or changed</source>
      <extracomment>verify.anchor_audit</extracomment>
      <translation>审计日志：总部于 {at} 确认的第 {row} 行已丢失或被改动</translation>
    </message>
    <message>
      <source>outbox: event {seq} acknowledged by HQ at {at} is missing or changed</source>
      <extracomment>verify.anchor_event</extracomment>
      <translation>上传队列：总部于 {at} 确认的事件 {seq} 已丢失或被改动</translation>
    </message>
    <message>
      <source>sync: the chain heads HQ acknowledged are not sealed by this terminal's key</source>
      <extracomment>verify.anchor_not_sealed</extracomment>
      <translation>同步：总部确认过的链头记录没有本收银机密钥的签封</translation>
    </message>
    <message>
      <source>sync: the chain heads HQ acknowledged are unreadable</source>
      <extracomment>verify.anchor_unreadable</extracomment>
      <translation>同步：总部确认过的链头记录无法读取</translation>
    </message>
    <message>
      <source>audit row {row}: content does not match its hash</source>
      <extracomment>verify.audit_hash</extracomment>
      <translation>审计日志第 {row} 行：内容与其哈希值不符</translation>
    </message>
    <message>
      <source>audit row {row} named by event {seq} is missing or changed</source>
      <extracomment>verify.audit_head</extracomment>
      <translation>事件 {seq} 记录的审计日志第 {row} 行已丢失或被改动</translation>
    </message>
    <message>
      <source>audit row {row}: link to the previous row is broken</source>
      <extracomment>verify.audit_link</extracomment>
      <translation>审计日志第 {row} 行：与上一行的链接已断开</translation>
    </message>
    <message>
      <source>audit row {row} is not sealed by this terminal's chain key</source>
      <extracomment>verify.audit_not_sealed</extracomment>
      <translation>审计日志第 {row} 行没有本收银机链密钥的签封</translation>
    </message>
    <message>
      <source>audit log: {written} rows written but {kept} kept (rows were removed)</source>
      <extracomment>verify.audit_removed</extracomment>
      <translation>审计日志：已写入 {written} 行，但只剩 {kept} 行（有行被删除）</translation>
    </message>
    <message>
      <source>account {account} is overdrawn by {amount}</source>
      <extracomment>verify.card_overdrawn</extracomment>
      <translation>账户 {account} 透支 {amount}</translation>
    </message>
    <message>
      <source>{what}: commission ¥{commission} of {seller} not reversed in its journal</source>
      <extracomment>verify.card_return_commission</extracomment>
      <translation>{what}：{seller} 的提成 ¥{commission} 未在其记账凭证中冲回</translation>
    </message>
    <message>
      <source>{what}: ¥{paid} given back but its journal paid out ¥{gave}</source>
      <extracomment>verify.card_return_paid</extracomment>
      <translation>{what}：应退还 ¥{paid}，但其记账凭证付出 ¥{gave}</translation>
    </message>
    <message>
      <source>{what}: ¥{below} below face but the cards' bonus moved ¥{bonus}</source>
      <extracomment>verify.card_sale_bonus</extracomment>
      <translation>{what}：低于面值 ¥{below}，但卡内赠送金变动 ¥{bonus}</translation>
    </message>
    <message>
      <source>{what}: commission ¥{commission} to {seller} not in its journal</source>
      <extracomment>verify.card_sale_commission</extracomment>
      <translation>{what}：{seller} 的提成 ¥{commission} 未记入其记账凭证</translation>
    </message>
    <message>
      <source>{what}: ¥{paid} paid but its journal took in ¥{took} as principal ¥{principal}</source>
      <extracomment>verify.card_sale_paid</extracomment>
      <translation>{what}：实收 ¥{paid}，但其记账凭证收入 ¥{took}、记入本金 ¥{principal}</translation>
    </message>
    <message>
      <source>{unit}: debits {debits} do not equal credits {credits}</source>
      <extracomment>verify.debits_credits</extracomment>
      <translation>{unit}：借方合计 {debits} 不等于贷方合计 {credits}</translation>
    </message>
    <message>
      <source>{journal}: entries differ from those its event {seq} carried</source>
      <extracomment>verify.event_entries</extracomment>
      <translation>{journal}：分录与事件 {seq} 所带的不一致</translation>
    </message>
    <message>
      <source>outbox: event {seq} content does not match its hash</source>
      <extracomment>verify.event_hash</extracomment>
      <translation>上传队列：事件 {seq} 的内容与其哈希值不符</translation>
    </message>
    <message>
      <source>outbox: event {seq} ({kind}) carries a journal that is missing</source>
      <extracomment>verify.event_journal_missing</extracomment>
      <translation>上传队列：事件 {seq}（{kind}）所带的记账凭证不存在</translation>
    </message>
    <message>
      <source>outbox: event {seq} does not link to event {previous}</source>
      <extracomment>verify.event_link</extracomment>
      <translation>上传队列：事件 {seq} 未链接到事件 {previous}</translation>
    </message>
    <message>
      <source>outbox: event {seq} is not sealed by this terminal's chain key</source>
      <extracomment>verify.event_not_sealed</extracomment>
      <translation>上传队列：事件 {seq} 没有本收银机链密钥的签封</translation>
    </message>
    <message>
      <source>{journal}: event {seq} names journal {named}</source>
      <extracomment>verify.event_other_journal</extracomment>
      <translation>{journal}：事件 {seq} 记载的是记账凭证 {named}</translation>
    </message>
    <message>
      <source>{journal}: event {seq} names record {record}</source>
      <extracomment>verify.event_other_record</extracomment>
      <translation>{journal}：事件 {seq} 记载的是记录 {record}</translation>
    </message>
    <message>
      <source>outbox: event {event} has sequence {seq}, expected {expected}</source>
      <extracomment>verify.event_sequence</extracomment>
      <translation>上传队列：事件 {event} 的序号为 {seq}，应为 {expected}</translation>
    </message>
    <message>
      <source>outbox: {numbered} numbered but {kept} kept (rows were removed)</source>
      <extracomment>verify.events_removed</extracomment>
      <translation>上传队列：已编号 {numbered} 条，但只剩 {kept} 条（有记录被删除）</translation>
    </message>
    <message>
      <source>journal {seq} ({kind} {ref})</source>
      <extracomment>verify.journal</extracomment>
      <translation>记账凭证 {seq}（{kind} {ref}）</translation>
    </message>
    <message>
      <source>journal #{id}</source>
      <extracomment>verify.journal_id</extracomment>
      <translation>记账凭证 #{id}</translation>
    </message>
    <message>
      <source>{journal}: member {member} points entry {booked} but the lots it made and drew come to {lots}</source>
      <extracomment>verify.journal_member_points</extracomment>
      <translation>{journal}：会员 {member} 的积分分录为 {booked}，但其产生与使用的积分批次合计 {lots}</translation>
    </message>
    <message>
      <source>{journal}: has no outbox event</source>
      <extracomment>verify.journal_no_event</extracomment>
      <translation>{journal}：没有对应的上传事件</translation>
    </message>
    <message>
      <source>{journal}: names no business record</source>
      <extracomment>verify.journal_no_record</extracomment>
      <translation>{journal}：未指向任何业务记录</translation>
    </message>
    <message>
      <source>journal {journal} does not balance in {unit}: off by {off}</source>
      <extracomment>verify.journal_unbalanced</extracomment>
      <translation>记账凭证 {journal} 在 {unit} 上借贷不平：相差 {off}</translation>
    </message>
    <message>
      <source>journal: {numbered} numbered but {kept} kept (rows were removed)</source>
      <extracomment>verify.journals_removed</extracomment>
      <translation>记账凭证：已编号 {numbered} 笔，但只剩 {kept} 笔（有记录被删除）</translation>
    </message>
    <message>
      <source>{what}: line {line} is ¥{amount} but its tender shares add up to ¥{shares}</source>
      <extracomment>verify.line_shares</extracomment>
      <translation>{what}：第 {line} 行金额 ¥{amount}，但各付款分摊合计 ¥{shares}</translation>
    </message>
    <message>
      <source>points lot {lot} of member {member}: {remaining} remaining but {points} less {drawn} drawn</source>
      <extracomment>verify.lot_remaining</extracomment>
      <translation>会员 {member} 的积分批次 {lot}：剩余 {remaining}，但应为 {points} 减去已用 {drawn}</translation>
    </message>
    <message>
      <source>member {member}: points account {points} but lots hold {lots}</source>
      <extracomment>verify.member_points</extracomment>
      <translation>会员 {member}：积分账户为 {points}，但积分批次合计为 {lots}</translation>
    </message>
    <message>
      <source>amount</source>
      <extracomment>verify.part_amount</extracomment>
      <translation>金额</translation>
    </message>
    <message>
      <source>bonus</source>
      <extracomment>verify.part_bonus</extracomment>
      <translation>赠送金</translation>
    </message>
    <message>
      <source>principal</source>
      <extracomment>verify.part_principal</extracomment>
      <translation>本金</translation>
    </message>
    <message>
      <source>{kind} {ref}: booked by {count} journals</source>
      <extracomment>verify.record_booked_twice</extracomment>
      <translation>{kind} {ref}：被 {count} 笔记账凭证重复记账</translation>
    </message>
    <message>
      <source>{kind} {ref}: its journal is missing</source>
      <extracomment>verify.record_journal_missing</extracomment>
      <translation>{kind} {ref}：其记账凭证不存在</translation>
    </message>
    <message>
      <source>{kind} {ref}: its journal {seq} books {booked_kind} {booked_ref}</source>
      <extracomment>verify.record_journal_other</extracomment>
      <translation>{kind} {ref}：其记账凭证 {seq} 记的是 {booked_kind} {booked_ref}</translation>
    </message>
    <message>
      <source>{journal}: its {kind} record {ref} is missing</source>
      <extracomment>verify.record_missing</extracomment>
      <translation>{journal}：其对应的 {kind} 记录 {ref} 不存在</translation>
    </message>
    <message>
      <source>{kind} {ref}: {count} records share one number</source>
      <extracomment>verify.record_shared</extracomment>
      <translation>{kind} {ref}：{count} 条记录共用同一编号</translation>
    </message>
    <message>
      <source>{what}: lines earned {lines} points, the sale {points}</source>
      <extracomment>verify.sale_line_points</extracomment>
      <translation>{what}：各行获得积分合计 {lines}，整单为 {points}</translation>
    </message>
    <message>
      <source>{what}: lines add up to ¥{lines}, not the total ¥{total}</source>
      <extracomment>verify.sale_lines</extracomment>
      <translation>{what}：各行合计 ¥{lines}，与总额 ¥{total} 不符</translation>
    </message>
    <message>
      <source>{what}: {points} points earned but its journal issued {issued}</source>
      <extracomment>verify.sale_points_earned</extracomment>
      <translation>{what}：获得积分 {points}，但其记账凭证发放 {issued}</translation>
    </message>
    <message>
      <source>{what}: {points} points tendered but its journal redeemed {redeemed}</source>
      <extracomment>verify.sale_points_redeemed</extracomment>
      <translation>{what}：以积分支付 {points}，但其记账凭证扣减 {redeemed}</translation>
    </message>
    <message>
      <source>{what}: points tenders worth ¥{value} but points:redemption booked ¥{booked}</source>
      <extracomment>verify.sale_points_value</extracomment>
      <translation>{what}：积分抵扣价值 ¥{value}，但 points:redemption 记为 ¥{booked}</translation>
    </message>
    <message>
      <source>{what}: stored-value {part} ¥{paid} but the cards' entries move ¥{moved}</source>
      <extracomment>verify.sale_stored_value</extracomment>
      <translation>{what}：储值{part} ¥{paid}，但储值卡分录变动 ¥{moved}</translation>
    </message>
    <message>
      <source>{what}: {kind} tenders ¥{paid} but {account} booked ¥{booked}</source>
      <extracomment>verify.sale_tender_kind</extracomment>
      <translation>{what}：{kind}付款 ¥{paid}，但 {account} 记为 ¥{booked}</translation>
    </message>
    <message>
      <source>{what}: tenders add up to ¥{tenders}, not the total ¥{total}</source>
      <extracomment>verify.sale_tenders</extracomment>
      <translation>{what}：各笔付款合计 ¥{tenders}，与总额 ¥{total} 不符</translation>
    </message>
    <message>
      <source>{what}: total ¥{total} but its journal books ¥{booked}</source>
      <extracomment>verify.sale_total</extracomment>
      <translation>{what}：总额 ¥{total}，但其记账凭证记为 ¥{booked}</translation>
    </message>
    <message>
      <source>journal sequence has gaps: {count} rows numbered {first}..{last}</source>
      <extracomment>verify.sequence_gaps</extracomment>
      <translation>记账凭证编号不连续：共 {count} 笔，编号为 {first}..{last}</translation>
    </message>
    <message>
      <source>{what}: tender {tender} {points} points but its line shares add up to {shares}</source>
      <extracomment>verify.tender_share_points</extracomment>
      <translation>{what}：第 {tender} 笔付款 {points} 积分，但各行分摊合计 {shares}</translation>
    </message>
    <message>
      <source>{what}: tender {tender} {part} ¥{amount} but its line shares add up to ¥{shares}</source>
      <extracomment>verify.tender_shares</extracomment>
      <translation>{what}：第 {tender} 笔付款{part} ¥{amount}，但各行分摊合计 ¥{shares}</translation>
    </message>
    <message>
      <source>{what}: bonus ¥{bonus} but the card's bonus moved ¥{moved}</source>
      <extracomment>verify.topup_bonus</extracomment>
      <translation>{what}：赠送 ¥{bonus}，但卡内赠送金变动 ¥{moved}</translation>
    </message>
    <message>
      <source>{what}: ¥{amount} but the card's principal moved ¥{moved}</source>
      <extracomment>verify.topup_principal</extracomment>
      <translation>{what}：¥{amount}，但卡内本金变动 ¥{moved}</translation>
    </message>
    <message>
      <source>{what}: ¥{amount} by {tender} but its journal took in ¥{took}</source>
      <extracomment>verify.topup_tender</extracomment>
      <translation>{what}：以{tender}收 ¥{amount}，但其记账凭证收入 ¥{took}</translation>
    </message>
    <message>
      <source>card return {no}</source>
      <extracomment>verify.what_card_return</extracomment>
      <translation>退卡单 {no}</translation>
    </message>
    <message>
      <source>card sale {no}</source>
      <extracomment>verify.what_card_sale</extracomment>
      <translation>售卡单 {no}</translation>
    </message>
    <message>
      <source>refund {no}</source>
      <extracomment>verify.what_refund</extracomment>
      <translation>退货单 {no}</translation>
    </message>
    <message>
      <source>top-up {no}</source>
      <extracomment>verify.what_topup</extracomment>
      <translation>充值单 {no}</translation>
    </message>
  </context>
</TS>
